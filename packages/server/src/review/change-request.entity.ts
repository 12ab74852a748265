import type { Opt, Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { registerEnumType } from 'type-graphql';
import { OrgOwnedEntity } from '../accounts/org-owned.entity.js';
import { Invite } from '../invites/invite.entity.js';
import { Supplier } from '../suppliers/supplier.entity.js';

export enum ChangeRequestStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
  SUPERSEDED = 'SUPERSEDED',
}
registerEnumType(ChangeRequestStatus, { name: 'ChangeRequestStatus' });

/** A risk signal as stored on the request when it arrived (see bank-risk.ts). */
export interface StoredRiskSignal {
  code: string;
  level: 'HIGH' | 'MEDIUM';
  message: string;
}

export interface Approval {
  userId: string;
  userName: string;
  at: string;
}

/** A supplier's submission: proposed values, not a change, until a buyer accepts it. */
@Entity({ tableName: 'change_requests' })
@Index({ properties: ['organisation', 'supplier', 'status'] })
@Index({ properties: ['organisation', 'status', 'id'] })
export class ChangeRequest extends OrgOwnedEntity {
  @ManyToOne({ entity: () => Supplier, deleteRule: 'cascade' })
  supplier!: Rel<Supplier>;

  @ManyToOne({ entity: () => Invite, deleteRule: 'set null', nullable: true })
  invite: Rel<Invite> | null = null;

  @Enum({ items: () => ChangeRequestStatus, nativeEnumName: 'change_request_status' })
  status!: ChangeRequestStatus;

  /** Proposed supplier fields (the owned fields, plus structured payment details). */
  @Property({ type: 'json' })
  proposed!: Record<string, unknown>;

  /** The supplier's values when submitted, for the diff. */
  @Property({ type: 'json' })
  baseline!: Record<string, unknown>;

  @Property({ type: 'boolean' })
  changesBankDetails!: boolean;

  @Property({ type: 'datetime' })
  submittedAt!: Date;

  @Property({ type: 'string', length: 64, nullable: true })
  submitterIp: string | null = null;

  @Property({ type: 'string', length: 512, nullable: true })
  submitterUserAgent: string | null = null;

  @Property({ type: 'json' })
  approvals: Approval[] & Opt = [];

  @Property({ type: 'uuid', nullable: true })
  decidedBy: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  decidedAt: Date | null = null;

  @Property({ type: 'string', length: 1000, nullable: true })
  rejectReason: string | null = null;

  /** When the rejection's reason reached the supplier by email (null: it could not be sent, or no email). */
  @Property({ type: 'datetime', nullable: true })
  reasonEmailedAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  supersededBy: string | null = null;

  /** Computed when the submission arrived (bank changes only); shown at the top of the review. */
  @Property({ type: 'json' })
  riskSignals: StoredRiskSignal[] & Opt = [];

  /** An ADMIN let a high-risk change through with one approver; why, and who. */
  @Property({ type: 'string', length: 1000, nullable: true })
  riskOverrideReason: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  riskOverriddenBy: string | null = null;
}
