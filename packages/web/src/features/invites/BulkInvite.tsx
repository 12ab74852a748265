import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { errorReason, toUserFacingError } from '../../app/errors';
import { graphql } from '../../gql';
import { CopyLink } from './InvitePanel';

const BulkInviteSuppliersMutation = graphql(`
  mutation BulkInviteSuppliers($supplierIds: [ID!]!) {
    inviteSuppliers(supplierIds: $supplierIds) {
      supplier {
        id
        name
        inviteStatus
        latestInvite {
          id
          status
        }
      }
      invite {
        id
        email
        emailed
      }
      link
    }
  }
`);

export interface SelectedSupplier {
  id: string;
  name: string;
  email: string | null | undefined;
}

interface Outcome {
  id: string;
  name: string;
  text: string;
  link: string | null;
}

/**
 * "Invite selected": one inviteSuppliers call for the selection, then a line per supplier (emailed to…,
 * or a link to copy when the server has no email). The server refuses the whole batch when a supplier
 * has no email address (SUPPLIER_HAS_NO_EMAIL); its message names them, and we offer to invite the rest.
 */
export function BulkInvite({ selected, onInvited }: { selected: readonly SelectedSupplier[]; onInvited: () => void }) {
  const [invite, { loading }] = useMutation(BulkInviteSuppliersMutation);
  const [outcomes, setOutcomes] = useState<Outcome[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [withEmail, setWithEmail] = useState<SelectedSupplier[] | null>(null);

  const send = async (suppliers: readonly SelectedSupplier[]) => {
    if (loading || suppliers.length === 0) return;
    setProblem(null);
    setOutcomes(null);
    setWithEmail(null);
    try {
      const result = await invite({ variables: { supplierIds: suppliers.map((s) => s.id) } });
      const issued = result.data?.inviteSuppliers ?? [];
      setOutcomes(
        issued.map((r) => ({
          id: r.supplier.id,
          name: r.supplier.name,
          text: r.link ? 'Invite created — copy the link below and send it yourself (not emailed).' : `Invite emailed to ${r.invite.email}.`,
          link: r.link ?? null,
        })),
      );
      onInvited();
    } catch (error) {
      setProblem(toUserFacingError(error).message);
      if (errorReason(error) === 'SUPPLIER_HAS_NO_EMAIL') {
        const rest = suppliers.filter((s) => s.email);
        setWithEmail(rest.length > 0 ? rest : null);
      }
    }
  };

  return (
    <div className="bulk-invite">
      <button
        type="button"
        className="button button--primary"
        onClick={() => void send(selected)}
        aria-disabled={loading || selected.length === 0 || undefined}
      >
        {loading ? 'Inviting…' : selected.length > 0 ? `Invite selected (${selected.length})` : 'Invite selected'}
      </button>
      {problem ? (
        <Alert>
          <p>{problem}</p>
          {withEmail ? (
            <button type="button" className="button button--small" onClick={() => void send(withEmail)}>
              Invite the {withEmail.length} with an email address
            </button>
          ) : null}
        </Alert>
      ) : null}
      <div role="status" className="bulk-invite__status">
        {outcomes ? (
          <section className="notice" aria-labelledby="bulk-invite-results">
            <h2 id="bulk-invite-results" className="card__title">
              {outcomes.length === 1 ? '1 supplier invited' : `${outcomes.length} suppliers invited`}
            </h2>
            <ul className="results">
              {outcomes.map((o) => (
                <li key={o.id}>
                  <strong>{o.name}</strong>: {o.text}
                  {o.link ? <CopyLink link={o.link} label={`Invite link for ${o.name}`} /> : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </div>
  );
}
