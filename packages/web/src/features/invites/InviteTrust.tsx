import { useId } from 'react';
import { ContactLine, ContactMeans, type Branding } from '../branding/SupplierBrand';
import { formatDate } from '../../components/format-date';
import './invites.css';

const hasContact = (b: Branding) => Boolean(b.contactName || b.contactPhone || b.contactEmail);

/** " Your contact there is Jo Bloggs: 020 … · jo@…." — or nothing when the business set none. */
function ContactSentence({ branding }: { branding: Branding }) {
  if (!hasContact(branding)) return null;
  if (!branding.contactName) {
    return (
      <>
        {' '}
        To reach them: <ContactMeans branding={branding} />.
      </>
    );
  }
  return (
    <>
      {' '}
      Your contact there is <ContactLine branding={branding} />.
    </>
  );
}

/** The one check that a copied page cannot fake: a number the supplier already had. */
export function GenuineCheck({ branding }: { branding: Branding }) {
  return <>If in doubt, call {branding.name} on a number you already have — from an invoice or their website, not from an email or this page.</>;
}

/**
 * Before the supplier gives anything: who is asking, why, what happens to the details, how the page is
 * secured, and how to check the request is genuine.
 */
export function AboutRequest({
  branding,
  supplierName,
  emailHint,
  expiresAt,
}: {
  branding: Branding;
  supplierName: string;
  emailHint: string;
  expiresAt: string;
}) {
  const id = useId();
  const name = branding.name;
  const encrypted = typeof window !== 'undefined' && window.location.protocol === 'https:';
  return (
    <section className="invite-about" aria-labelledby={id}>
      <h2 id={id} className="invite-about__title">
        About this request
      </h2>
      <dl className="invite-about__list">
        <div className="invite-about__item">
          <dt>Who is asking</dt>
          <dd>
            {name}, who sent this link to {emailHint}.
            <ContactSentence branding={branding} />
          </dd>
        </div>
        <div className="invite-about__item">
          <dt>Why</dt>
          <dd>
            To keep the details they hold for {supplierName} up to date — name, address and contacts, and bank details only if you choose to change them — so
            they can pay you correctly.
          </dd>
        </div>
        <div className="invite-about__item">
          <dt>What happens to your details</dt>
          <dd>
            They go to {name} only. Someone there checks every change before it is used, and may phone you to confirm new bank details. Nothing changes until
            they accept it.
          </dd>
        </div>
        <div className="invite-about__item">
          <dt>How this page is secured</dt>
          <dd>
            This link is yours alone and works until {formatDate(expiresAt)}. Before anything is shown, we check it’s you with a code sent to {emailHint}. Bank
            details on file are never shown in full
            {encrypted ? ', and everything travels over an encrypted connection' : ''}.
          </dd>
        </div>
        <div className="invite-about__item">
          <dt>Is it genuine?</dt>
          <dd>
            <GenuineCheck branding={branding} /> Nobody will ask you for a password or a payment here.
          </dd>
        </div>
      </dl>
    </section>
  );
}

/** The short form, under the details form and after sending: whom to ask, and how to check. */
export function QuestionsNote({ branding }: { branding: Branding }) {
  return (
    <p className="invite-questions">
      Questions about this request? Ask {branding.contactName ? `${branding.contactName} at ${branding.name}` : branding.name}
      {branding.contactPhone || branding.contactEmail ? (
        <>
          : <ContactMeans branding={branding} />
        </>
      ) : null}
      . <GenuineCheck branding={branding} />
    </p>
  );
}

/** On a page that can't be used: what to do, and whom to ask (name, phone and email when set). */
export function WhatToDo({ branding, ask }: { branding: Branding; ask: string }) {
  const id = useId();
  return (
    <section className="invite-next" aria-labelledby={id}>
      <h2 id={id} className="invite-about__title">
        What to do
      </h2>
      <p>{ask}</p>
      {hasContact(branding) ? (
        <p className="invite-contact">
          <span className="invite-contact__who">{branding.contactName ? `${branding.contactName}, ${branding.name}` : branding.name}</span>
          {branding.contactPhone || branding.contactEmail ? <ContactMeans branding={branding} /> : null}
        </p>
      ) : null}
    </section>
  );
}
