import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { errorReason, toUserFacingError } from '../../app/errors';
import { graphql } from '../../gql';
import type { SupplierFilterInput } from '../../gql/graphql';
import { confirmMatchingText, confirmText, planBulkInvite, type BulkCandidate } from './bulk-invite';
import { CopyLink } from '../../components/CopyLink';
import '../suppliers/suppliers.css';

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

const BulkInvitePreviewQuery = graphql(`
  query BulkInvitePreview($filter: SupplierFilterInput!, $replaceLiveInvites: Boolean!) {
    bulkInvitePreview(filter: $filter, replaceLiveInvites: $replaceLiveInvites) {
      matching
      toInvite
      liveInvite
      noEmail
      limit
    }
  }
`);

const InviteMatchingSuppliersMutation = graphql(`
  mutation InviteMatchingSuppliers($filter: SupplierFilterInput!, $replaceLiveInvites: Boolean!) {
    inviteMatchingSuppliers(filter: $filter, replaceLiveInvites: $replaceLiveInvites) {
      invited
      skippedLiveInvite
      skippedNoEmail
      emailed
      results {
        supplier {
          id
          name
          inviteStatus
          inviteExpiresAt
        }
        invite {
          id
          email
        }
        link
      }
    }
  }
`);

export type SelectedSupplier = BulkCandidate;

/** Everyone a list filter matches, loaded or not: the server decides who is invited. */
export interface MatchingSelection {
  filter: SupplierFilterInput;
  count: number;
}

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
export function BulkInvite({
  selected,
  matching = null,
  rows = 1,
  onInvited,
}: {
  selected: readonly SelectedSupplier[];
  /** "Select all matching": invite everyone the filter shows (the confirmation uses the server's counts). */
  matching?: MatchingSelection | null;
  /** Rows on screen: with none, there is nothing to tick. */
  rows?: number;
  onInvited: () => void;
}) {
  // Kept here, above both modes: inviting everyone matching ends "select all", and what happened stays said.
  const [matchingOutcome, setMatchingOutcome] = useState<MatchingOutcome | null>(null);
  return (
    <>
      {matching ? (
        <BulkInviteMatching
          matching={matching}
          onInvited={(outcome) => {
            setMatchingOutcome(outcome);
            onInvited();
          }}
        />
      ) : rows > 0 ? (
        <BulkInviteSelected
          selected={selected}
          onInvited={() => {
            setMatchingOutcome(null);
            onInvited();
          }}
          quiet={matchingOutcome !== null}
        />
      ) : null}
      {matchingOutcome ? <MatchingResults outcome={matchingOutcome} /> : null}
    </>
  );
}

function BulkInviteSelected({ selected, onInvited, quiet = false }: { selected: readonly SelectedSupplier[]; onInvited: () => void; quiet?: boolean }) {
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
      {selected.length === 0 && !outcomes && !problem && !quiet ? (
        <p className="muted bulk-invite__hint">Tick suppliers to invite them, or tick the box above the list to select them all.</p>
      ) : null}
      {selected.length > 0 ? (
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
      ) : null}
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
            <span>Send {plan.live.length === 1 ? 'it' : 'them'} a new link too (the link they have stops working)</span>
          </label>
        ) : null}
      </ConfirmDialog>
    </div>
  );
}

const thousands = new Intl.NumberFormat('en');

/**
 * "Invite all N matching": the confirmation asks the server what it would do (how many invited, skipped with a
 * live invite, left out without an email), then one inviteMatchingSuppliers call invites them all.
 */
interface MatchingOutcome {
  title: string;
  lines: string[];
  links: Outcome[];
}

/** What "invite everyone matching" did: how many, who was skipped or left out, and links when not emailed. */
function MatchingResults({ outcome }: { outcome: MatchingOutcome }) {
  return (
    <div role="status" className="bulk-invite__status">
      <section className="notice" aria-labelledby="bulk-invite-matching-results">
        <h2 id="bulk-invite-matching-results" className="card__title">
          {outcome.title}
        </h2>
        {outcome.lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
        {outcome.links.length > 0 ? (
          <details className="bulk-invite__links">
            <summary>Invite links ({thousands.format(outcome.links.length)})</summary>
            <ul className="results">
              {outcome.links.map((o) => (
                <li key={o.id}>
                  <strong>{o.name}</strong>: {o.text}
                  {o.link ? <CopyLink link={o.link} label={`Invite link for ${o.name}`} /> : null}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>
    </div>
  );
}

function BulkInviteMatching({ matching, onInvited }: { matching: MatchingSelection; onInvited: (outcome: MatchingOutcome) => void }) {
  const [invite, { loading }] = useMutation(InviteMatchingSuppliersMutation);
  const [confirming, setConfirming] = useState(false);
  const [replaceLive, setReplaceLive] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const preview = useQuery(BulkInvitePreviewQuery, {
    variables: { filter: matching.filter, replaceLiveInvites: replaceLive },
    skip: !confirming,
    fetchPolicy: 'network-only',
  });
  const counts = (preview.data ?? preview.previousData)?.bulkInvitePreview;
  const text = counts ? confirmMatchingText(counts, replaceLive) : null;

  const send = async () => {
    if (loading || !text?.canSend) return;
    setProblem(null);
    try {
      const result = await invite({ variables: { filter: matching.filter, replaceLiveInvites: replaceLive } });
      const done = result.data?.inviteMatchingSuppliers;
      setConfirming(false);
      if (done) {
        const lines: string[] = [];
        if (done.skippedLiveInvite > 0) lines.push(`${thousands.format(done.skippedLiveInvite)} skipped: their invite is still live.`);
        if (done.skippedNoEmail > 0) lines.push(`${thousands.format(done.skippedNoEmail)} left out: no email address.`);
        lines.push(
          done.emailed
            ? 'Each was emailed a link to check and correct their details.'
            : 'Email isn’t set up on this Vouch server: copy each link below and send it yourself.',
        );
        onInvited({
          title: done.invited === 1 ? '1 supplier invited' : `${thousands.format(done.invited)} suppliers invited`,
          lines,
          links: done.emailed
            ? []
            : done.results.map((r) => ({ id: r.supplier.id, name: r.supplier.name, text: `Invite created for ${r.invite.email}.`, link: r.link ?? null })),
        });
      }
    } catch (error) {
      setConfirming(false);
      setProblem(toUserFacingError(error).message);
    }
  };

  return (
    <div className="bulk-invite">
      <button
        type="button"
        className="button button--primary"
        onClick={() => {
          if (loading) return;
          setReplaceLive(false);
          setProblem(null);
          setConfirming(true);
        }}
        aria-disabled={loading || undefined}
      >
        {loading ? 'Inviting…' : `Invite all ${thousands.format(matching.count)}`}
      </button>
      {problem ? <Alert>{problem}</Alert> : null}
      <ConfirmDialog
        open={confirming}
        title={text?.title ?? 'Invite everyone in this list?'}
        confirmLabel={text?.canSend && counts ? `Send ${counts.toInvite === 1 ? 'invite' : `${thousands.format(counts.toInvite)} invites`}` : 'Send'}
        busyLabel="Sending…"
        busy={loading}
        confirmDisabled={!text?.canSend}
        onConfirm={() => void send()}
        onCancel={() => setConfirming(false)}
      >
        {!counts && preview.loading ? <p>Counting who can be invited…</p> : null}
        {preview.error ? <p>{toUserFacingError(preview.error).message}</p> : null}
        {text?.lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
        {counts && counts.liveInvite > 0 ? (
          <label className="checkbox">
            <input type="checkbox" checked={replaceLive} onChange={(event) => setReplaceLive(event.target.checked)} />
            <span>Send {counts.liveInvite === 1 ? 'it' : 'them'} a new link too (the link they have stops working)</span>
          </label>
        ) : null}
      </ConfirmDialog>
    </div>
  );
}
