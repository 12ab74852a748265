import { AppError } from '../../common/app-error.js';

export class TeamMemberNotFound extends AppError {
  constructor() {
    super('NOT_FOUND', 'TEAM_MEMBER_NOT_FOUND', 'That person is not on your team (they may have been removed already).');
  }
}

export class TeamInviteNotFound extends AppError {
  constructor() {
    super('NOT_FOUND', 'TEAM_INVITE_NOT_FOUND', 'That invitation no longer exists (it may have been accepted or withdrawn).');
  }
}

export class AlreadyOnTeam extends AppError {
  constructor(email: string) {
    super('CONFLICT', 'ALREADY_ON_TEAM', `${email} is already on your team.`);
  }
}

export class InvitePending extends AppError {
  constructor(email: string) {
    super('CONFLICT', 'TEAM_INVITE_PENDING', `${email} has already been invited. Resend or withdraw that invitation instead.`);
  }
}

export class LastAdmin extends AppError {
  constructor(action: 'remove' | 'demote') {
    super(
      'CONFLICT',
      'LAST_ADMIN',
      action === 'remove'
        ? 'This is the organisation’s only admin. Make someone else an admin first.'
        : 'This is the organisation’s only admin. Make someone else an admin before changing this role.',
    );
  }
}

export class CannotRemoveYourself extends AppError {
  constructor() {
    super('BAD_USER_INPUT', 'CANNOT_REMOVE_YOURSELF', 'You can’t remove yourself. Ask another admin to remove you.');
  }
}

export class CannotResetOwnTwoFactor extends AppError {
  constructor() {
    super(
      'BAD_USER_INPUT',
      'CANNOT_RESET_OWN_TWO_FACTOR',
      'Manage your own two-factor sign-in under Settings → Security; another admin can reset it if you have lost it.',
    );
  }
}

export class NoTwoFactorToReset extends AppError {
  constructor() {
    super('BAD_USER_INPUT', 'NO_TWO_FACTOR_TO_RESET', 'This member has no two-factor sign-in set up, so there is nothing to reset.');
  }
}

export class TooManyTeamInvites extends AppError {
  constructor(retryAfterSeconds: number) {
    super('RATE_LIMITED', 'TOO_MANY_TEAM_INVITES', 'Too many invitations sent in the last hour. Try again later.', { retryAfterSeconds });
  }
}

export class TeamInviteLinkInvalid extends AppError {
  constructor() {
    super('BAD_USER_INPUT', 'TEAM_INVITE_INVALID', 'This invitation link is not valid. Copy the whole link, or ask for a new invitation.');
  }
}

export class TeamInviteExpired extends AppError {
  constructor() {
    super('BAD_USER_INPUT', 'TEAM_INVITE_EXPIRED', 'This invitation has expired. Ask whoever invited you to send a new one.');
  }
}

export class TeamInviteUsed extends AppError {
  constructor() {
    super('CONFLICT', 'TEAM_INVITE_USED', 'This invitation has already been used. Sign in instead.');
  }
}

export class TeamInviteWithdrawn extends AppError {
  constructor() {
    super(
      'BAD_USER_INPUT',
      'TEAM_INVITE_WITHDRAWN',
      'This invitation was withdrawn or replaced by a newer one. Use the latest email, or ask for a new invitation.',
    );
  }
}

export class EmailHasAccount extends AppError {
  constructor() {
    // Only the holder of the link sees this (the invitee); one account belongs to one organisation.
    super(
      'CONFLICT',
      'EMAIL_HAS_ACCOUNT',
      'This email already has a Vouch account, and an account belongs to one organisation. Ask to be invited with another address.',
    );
  }
}
