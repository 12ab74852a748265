import { useId, type ReactNode } from 'react';
import './invites.css';

/** One titled part of the supplier details form (Business, Main contact, …). */
export function FormSection({ title, lead, children }: { title: string; lead?: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="invite-section" aria-labelledby={id}>
      <h2 id={id} className="invite-section__title">
        {title}
      </h2>
      {lead ? <p className="muted">{lead}</p> : null}
      {children}
    </section>
  );
}
