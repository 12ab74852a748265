import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { errorReason, toUserFacingError } from '../../app/errors';
import { graphql } from '../../gql';
import { confirmText, planBulkInvite, type BulkCandidate } from './bulk-invite';
import { CopyLink } from './InvitePanel';

const BulkInviteSuppliersMutation = graphql(`
  mutation BulkInviteSuppliers($supplierIds: [ID!]!, $replaceLiveInvites: Boolean!) {
    inviteSuppliers(supplierIds: $supplierIds, replaceLiveInvites: $replaceLiveInvites) {
      outcome
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

export type SelectedSupplier = BulkCandidate;

interface Outcome {
  id: string;
  name: string;
  text: string;
  link: string | null;
}

/**
 * "Invite selected": a confirmation first, saying how many will be sent, that suppliers whose invite is
 * still live are skipped (a new invite would withdraw the link they have — the buyer may ask to replace
 * them) and who has no email address; then one inviteSuppliers call and a line per supplier (emailed to…,
 * a link to copy when the server has no email, or skipped). The server refuses the whole batch when a
 * supplier it would invite has no email address (SUPPLIER_HAS_NO_EMAIL; only when the list was stale): its
 * message names them, and we offer to invite the rest.
 */
export function BulkInvite({ selected, onInvited }: { selected: readonly SelectedSupplier[]; onInvited: () => void }) {
  const [invite, { loading }] = useMutation(BulkInviteSuppliersMutation);
  const [outcomes, setOutcomes] = useState<{ invited: Outcome[]; skipped: Outcome[] } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [withEmail, setWithEmail] = useState<SelectedSupplier[] | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [replaceLive, setReplaceLive] = useState(false);

  const plan = planBulkInvite(selected, replaceLive);
  const text = confirmText(plan, replaceLive);

  const send = async (suppliers: readonly SelectedSupplier[], replace: boolean) => {
    if (loading || suppliers.length === 0) return;
    setProblem(null);
    setOutcomes(null);
    setWithEmail(null);
    try {
      const result = await invite({ variables: { supplierIds: suppliers.map((s) => s.id), replaceLiveInvites: replace } });
      const results = result.data?.inviteSuppliers ?? [];
      const line = (r: (typeof results)[number]): Outcome => ({
        id: r.supplier.id,
        name: r.supplier.name,
        text:
          r.outcome === 'SKIPPED_LIVE_INVITE'
            ? `Skipped — their invite to ${r.invite.email} is still live.`
            : r.link
              ? 'Invite created — copy the link below and send it yourself (not emailed).'
              : `Invite emailed to ${r.invite.email}.`,
        link: r.link ?? null,
      });
      setOutcomes({
        invited: results.filter((r) => r.outcome !== 'SKIPPED_LIVE_INVITE').map(line),
        skipped: results.filter((r) => r.outcome === 'SKIPPED_LIVE_INVITE').map(line),
      });
      setConfirming(false);
      onInvited();
    } catch (error) {
      setConfirming(false);
      setProblem(toUserFacingError(error).message);
      if (errorReason(error) === 'SUPPLIER_HAS_NO_EMAIL') {
        const rest = suppliers.filter((s) => s.email);
        setWithEmail(rest.length > 0 ? rest : null);
      }
    }
  };

  // Suppliers with a live invite go to the server too (unless replacing): it decides, and says "skipped".
  const batch = replaceLive ? plan.send : [...plan.send, ...plan.live.filter((s) => s.email)];

  return (
    <div className="bulk-invite">
      <button
        type="button"
        className="button button--primary"
        onClick={() => {
          if (loading || selected.length === 0) return;
          setReplaceLive(false);
          setConfirming(true);
        }}
        aria-disabled={loading || selected.length === 0 || undefined}
      >
        {loading ? 'Inviting…' : selected.length > 0 ? `Invite selected (${selected.length})` : 'Invite selected'}
      </button>
      {problem ? (
        <Alert>
          <p>{problem}</p>
          {withEmail ? (
            <button type="button" className="button button--small" onClick={() => void send(withEmail, replaceLive)}>
              Invite the {withEmail.length} with an email address
            </button>
          ) : null}
        </Alert>
      ) : null}
      <div role="status" className="bulk-invite__status">
        {outcomes ? (
          <section className="notice" aria-labelledby="bulk-invite-results">
            <h2 id="bulk-invite-results" className="card__title">
              {outcomes.invited.length === 1 ? '1 supplier invited' : `${outcomes.invited.length} suppliers invited`}
              {outcomes.skipped.length > 0 ? `, ${outcomes.skipped.length} skipped` : null}
            </h2>
            <ul className="results">
              {[...outcomes.invited, ...outcomes.skipped].map((o) => (
                <li key={o.id}>
                  <strong>{o.name}</strong>: {o.text}
                  {o.link ? <CopyLink link={o.link} label={`Invite link for ${o.name}`} /> : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
      <ConfirmDialog
        open={confirming}
        title={text.title}
        confirmLabel={plan.send.length > 0 ? `Send ${plan.send.length === 1 ? 'invite' : `${plan.send.length} invites`}` : 'Send'}
        busyLabel="Sending…"
        busy={loading}
        confirmDisabled={plan.send.length === 0}
        onConfirm={() => void send(batch, replaceLive)}
        onCancel={() => setConfirming(false)}
      >
        {text.lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
        {plan.live.length > 0 ? (
          <label className="checkbox">
            <input type="checkbox" checked={replaceLive} onChange={(event) => setReplaceLive(event.target.checked)} />
            <span>
              Send {plan.live.length === 1 ? 'it' : 'them'} a new link too (the link they have stops working)
            </span>
          </label>
        ) : null}
      </ConfirmDialog>
    </div>
  );
}
