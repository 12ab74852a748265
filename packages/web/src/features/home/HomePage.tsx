import { useQuery } from '@apollo/client/react';
import { useAttention } from '../../app/attention';
import { Link } from '../../app/router';
import { PageHeading } from '../../components/PageHeading';
import { Loading } from '../../components/Spinner';
import { graphql } from '../../gql';
import type { CurrentUser } from '../accounts/current-user';
import { homeItems, homeSummary } from './home-items';
import './home.css';

const HomeCountsQuery = graphql(`
  query HomeCounts {
    supplierFilterCounts {
      total
      notInvited
    }
  }
`);

const number = new Intl.NumberFormat('en');

/**
 * `/`: what needs you — each kind of thing a count and a link to exactly that list, most pressing first.
 * The counts are live (the app frame's subscription), so a submission arriving shows here at once.
 */
export function HomePage({ user }: { user: CurrentUser }) {
  const attention = useAttention();
  const counts = useQuery(HomeCountsQuery, { fetchPolicy: 'cache-and-network' });
  const tally = counts.data?.supplierFilterCounts;
  const items = attention ? homeItems(attention, tally ? tally.notInvited : null) : [];
  const firstName = user.name.split(' ')[0] ?? user.name;

  return (
    <>
      <div className="page-header">
        <PageHeading title="Home">Home</PageHeading>
        <p className="page-header__lead">
          {attention ? `Hello ${firstName}. ${homeSummary(items)}` : `Hello ${firstName}.`}
          {tally ? ` ${number.format(tally.total)} ${tally.total === 1 ? 'supplier' : 'suppliers'} in all.` : null}
        </p>
      </div>
      {!attention ? <Loading label="Loading what needs you…" /> : null}
      {attention ? (
        <section aria-labelledby="home-needs" className="home">
          <h2 id="home-needs" className="visually-hidden">
            What needs you
          </h2>
          <ul className="home__list">
            {items.map((item) => (
              <li key={item.key} className={`home__item ${item.urgent ? 'home__item--urgent' : ''} ${item.count === 0 ? 'home__item--clear' : ''}`}>
                <Link to={item.href} className="home__link">
                  {item.count !== null ? (
                    <span className="home__count">{number.format(item.count)}</span>
                  ) : (
                    <span className="home__count home__count--icon" aria-hidden="true">
                      !
                    </span>
                  )}
                  <span className="home__text">
                    <span className="home__title">{item.title}</span>
                    {item.detail ? <span className="home__detail">{item.detail}</span> : null}
                  </span>
                  <span className="home__arrow" aria-hidden="true">
                    →
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
