import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { Role } from '../accounts/role.js';
import { NotAllowed, ValidationFailed, type FieldProblem } from '../common/app-error.js';
import type { Viewer } from '../accounts/viewer.js';
import { findPageById, type Page } from '../common/pagination.js';
import { AuditEvent } from './audit-event.entity.js';
import { isUuid } from '../common/ids.js';

/**
 * The organisation's audit log: every audited event (suppliers, team, settings, Xero, API keys, sign-ins,
 * two-factor), newest first, keyset-paginated by id (UUIDv7, so id order is time order). Shared by the
 * GraphQL query and the CSV export so both filter the same way.
 */
export interface AuditFilter {
  actorId?: string | null;
  kind?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/** Admins and approvers, and API keys (tools the organisation's admins created); not viewers. */
export function requireAuditReader(viewer: Viewer): void {
  if (!viewer.apiKeyId && viewer.role === Role.VIEWER) throw new NotAllowed('Only admins and approvers can see the audit log.');
}

/** Checks the filter (every problem at once) and turns it into a query. */
export function auditWhere(filter: AuditFilter): FilterQuery<AuditEvent> {
  const problems: FieldProblem[] = [];
  if (filter.actorId && !isUuid(filter.actorId)) problems.push({ field: 'actorId', message: 'Choose a person from the list.' });
  if (filter.kind && !/^[A-Z_]{1,40}$/.test(filter.kind)) problems.push({ field: 'kind', message: 'Choose an event type from the list.' });
  for (const key of ['from', 'to'] as const) {
    const value = filter[key];
    if (value && Number.isNaN(value.getTime())) problems.push({ field: key, message: 'Enter a valid date.' });
  }
  if (filter.from && filter.to && filter.from > filter.to) problems.push({ field: 'to', message: 'The end date is before the start date.' });
  if (problems.length) throw new ValidationFailed(problems);
  const createdAt = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
  return {
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(Object.keys(createdAt).length ? { createdAt } : {}),
  };
}

export async function auditPage(em: EntityManager, filter: AuditFilter, first: number, after?: string | null): Promise<Page<AuditEvent>> {
  if (!Number.isInteger(first) || first < 1 || first > 200) throw new ValidationFailed([{ field: 'first', message: 'Ask for 1 to 200 events at a time.' }]);
  return await findPageById(em, AuditEvent, { where: auditWhere(filter), first, after, direction: 'desc', populate: ['supplier'] });
}

/** Who appears in the log (people only) and which kinds of event, for the filters. */
export async function auditFilterOptions(em: EntityManager, organisationId: string): Promise<{ people: { id: string; name: string }[]; kinds: string[] }> {
  const conn = em.getConnection();
  const people = await conn.execute<{ actor_id: string; actor_label: string }[]>(
    `select distinct on (actor_id) actor_id, actor_label from audit_events
     where organisation_id = ? and actor_type = 'USER' and actor_id is not null order by actor_id, id desc`,
    [organisationId],
  );
  const kinds = await conn.execute<{ kind: string }[]>('select distinct kind from audit_events where organisation_id = ? order by kind', [organisationId]);
  return {
    people: people.map((p) => ({ id: p.actor_id, name: p.actor_label })).sort((a, b) => a.name.localeCompare(b.name)),
    kinds: kinds.map((k) => k.kind),
  };
}
