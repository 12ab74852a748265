import { graphql } from '../../gql';

/** The organisation's Xero connection (null until one is made). The card's fragment says what it needs. */
export const XeroConnectionQuery = graphql(`
  query XeroConnection {
    xeroConnection {
      ...XeroConnectionCard_connection
    }
  }
`);

/** Status and import progress, live; Apollo merges each event into the cached connection by id. */
export const XeroConnectionUpdatedSubscription = graphql(`
  subscription XeroConnectionUpdated {
    xeroConnectionUpdated {
      ...XeroConnectionCard_connection
    }
  }
`);
