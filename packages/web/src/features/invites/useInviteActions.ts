import { useMutation } from '@apollo/client/react';
import { validateEmail } from '@vouch/validation';
import { useRef, useState } from 'react';
import { toUserFacingError } from '../../app/errors';
import { graphql } from '../../gql';
import type { InvitePanel_SupplierFragment } from '../../gql/graphql';

const InviteSuppliersMutation = graphql(`
  mutation InviteSuppliers($supplierIds: [ID!]!, $email: String) {
    inviteSuppliers(supplierIds: $supplierIds, email: $email) {
      outcome
      supplier {
        id
        latestInvite {
          ...InvitePanel_invite
        }
      }
      invite {
        id
      }
      link
    }
  }
`);

const ResendInviteMutation = graphql(`
  mutation ResendInvite($inviteId: ID!) {
    resendInvite(inviteId: $inviteId) {
      supplier {
        id
        latestInvite {
          ...InvitePanel_invite
        }
      }
      link
    }
  }
`);

const RevokeInviteMutation = graphql(`
  mutation RevokeInvite($inviteId: ID!) {
    revokeInvite(inviteId: $inviteId) {
      ...InvitePanel_invite
    }
  }
`);

const UnlockInviteMutation = graphql(`
  mutation UnlockInvite($inviteId: ID!) {
    unlockInvite(inviteId: $inviteId) {
      ...InvitePanel_invite
    }
  }
`);

export interface InviteProblem {
  /** Shown above the actions ('' when the message belongs under the "Send to" field). */
  message: string;
  fields: Record<string, string>;
}

/** The "Send to" address is checked with the server's own rule, as it is left and before sending. */
export function sendToProblem(value: string): string | null {
  if (!value.trim()) return null;
  const checked = validateEmail(value, { required: true });
  return checked.ok ? null : checked.message;
}

/**
 * Invite / Resend / Withdraw / Unlock for one supplier, and what the panel says after each: a notice, a link to
 * copy (no email server), or a problem.
 */
export function useInviteActions(supplier: InvitePanel_SupplierFragment, onChanged: () => void) {
  const invite = supplier.latestInvite;
  const [email, setEmail] = useState('');
  const emailInput = useRef<HTMLInputElement>(null);
  const [link, setLink] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<InviteProblem | null>(null);
  const [confirmRevoke, setConfirmRevoke] = useState(false);

  const [inviteSuppliers, { loading: inviting }] = useMutation(InviteSuppliersMutation);
  const [resendInvite, { loading: resending }] = useMutation(ResendInviteMutation);
  const [revokeInvite, { loading: revoking }] = useMutation(RevokeInviteMutation);
  const [unlockInvite, { loading: unlocking }] = useMutation(UnlockInviteMutation);
  const busy = inviting || resending || revoking || unlocking;

  const fail = (error: unknown) => {
    const p = toUserFacingError(error);
    setProblem({ message: p.message, fields: p.fields });
  };
  const start = () => {
    setProblem(null);
    setNotice(null);
    setLink(null);
  };

  const onInvite = async () => {
    if (busy) return;
    start();
    const badEmail = sendToProblem(email);
    if (badEmail) {
      setProblem({ message: '', fields: { email: badEmail } });
      emailInput.current?.focus();
      return;
    }
    try {
      const result = await inviteSuppliers({
        variables: { supplierIds: [supplier.id], email: email.trim() || null },
      });
      const issued = result.data?.inviteSuppliers[0];
      if (issued?.outcome === 'SKIPPED_LIVE_INVITE') {
        setNotice(`${supplier.name} already has a live invite, so nothing was sent. Resend it for a fresh link.`);
        onChanged();
      } else if (issued) {
        setLink(issued.link ?? null);
        setNotice(issued.link ? null : `Invite emailed to ${email.trim() || supplier.email}.`);
        setEmail('');
        onChanged();
      }
    } catch (error) {
      const p = toUserFacingError(error);
      if (p.fields.email) {
        // Said under the field, where the fix is made.
        setProblem({ message: '', fields: p.fields });
        emailInput.current?.focus();
      } else fail(error);
    }
  };

  const onResend = async () => {
    if (busy || !invite) return;
    start();
    try {
      const result = await resendInvite({ variables: { inviteId: invite.id } });
      if (result.data) {
        setLink(result.data.resendInvite.link ?? null);
        setNotice(result.data.resendInvite.link ? null : `Invite sent again to ${invite.email}. The old link no longer works.`);
        onChanged();
      }
    } catch (error) {
      fail(error);
    }
  };

  const onRevoke = async () => {
    if (!invite) return;
    start();
    try {
      await revokeInvite({ variables: { inviteId: invite.id } });
      setConfirmRevoke(false);
      setNotice('Invite withdrawn. The link no longer works.');
      onChanged();
    } catch (error) {
      setConfirmRevoke(false);
      fail(error);
    }
  };

  const onUnlock = async () => {
    if (busy || !invite) return;
    start();
    try {
      await unlockInvite({ variables: { inviteId: invite.id } });
      setNotice(`Invite unlocked. ${supplier.name} can use the same link again and ask for a new code.`);
      onChanged();
    } catch (error) {
      fail(error);
    }
  };

  return {
    /** The "Send to" field. */
    sendTo: {
      email,
      emailInput,
      error: problem?.fields.email ?? null,
      onChange: (value: string) => {
        setEmail(value);
        if (problem?.fields.email) setProblem(null);
      },
      onBlur: () => {
        const badEmail = sendToProblem(email);
        if (badEmail) setProblem({ message: '', fields: { email: badEmail } });
      },
    },
    link,
    notice,
    problem,
    busy,
    inviting,
    resending,
    revoking,
    unlocking,
    onInvite,
    onResend,
    onUnlock,
    onRevoke,
    confirmRevoke,
    setConfirmRevoke,
  };
}

export type InviteActions = ReturnType<typeof useInviteActions>;
