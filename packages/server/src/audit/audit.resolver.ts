import { Arg, Authorized, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { GraphQLDateTimeISO, GraphQLJSON } from 'graphql-scalars';
import { maskBankRecord } from '../common/bank-masking.js';
import type { GraphQLContext } from '../graphql/context.js';
import { requireViewer } from '../graphql/context.js';
import { PageInfo } from '../common/pagination.js';
import type { AuditEvent } from './audit-event.entity.js';
import { auditFilterOptions, auditPage, requireAuditReader } from './organisation-audit.js';

@ObjectType('AuditSupplier', { description: 'The supplier an audit event concerns.' })
export class AuditSupplier {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
}

@ObjectType('OrganisationAuditEvent', { description: 'One entry of the organisation’s audit log. Bank numbers masked.' })
export class OrganisationAuditEventType {
  @Field(() => ID) id!: string;
  @Field(() => GraphQLDateTimeISO) at!: Date;
  @Field(() => String, { description: 'e.g. SIGNED_IN, SETTINGS_CHANGED, API_KEY_CREATED, CHANGE_ACCEPTED.' }) kind!: string;
  @Field(() => String) summary!: string;
  @Field(() => String, { description: 'USER, SUPPLIER, XERO or SYSTEM.' }) actorType!: string;
  @Field(() => String, { nullable: true, description: 'The user’s id, for USER actors.' }) actorId!: string | null;
  @Field(() => String) actorLabel!: string;
  @Field(() => AuditSupplier, { nullable: true, description: 'Null for organisation events (team, settings, sign-ins…).' }) supplier!: AuditSupplier | null;
  @Field(() => GraphQLJSON, { nullable: true }) before!: unknown;
  @Field(() => GraphQLJSON, { nullable: true }) after!: unknown;

  static from(e: AuditEvent): OrganisationAuditEventType {
    return Object.assign(new OrganisationAuditEventType(), {
      id: e.id,
      at: e.createdAt,
      kind: e.kind,
      summary: e.summary,
      actorType: e.actorType,
      actorId: e.actorId,
      actorLabel: e.actorLabel,
      supplier: e.supplier ? { id: e.supplier.id, name: e.supplier.name } : null,
      before: maskBankRecord(e.before),
      after: maskBankRecord(e.after),
    });
  }
}

@ObjectType()
export class OrganisationAuditEventEdge {
  @Field(() => String) cursor!: string;
  @Field(() => OrganisationAuditEventType) node!: OrganisationAuditEventType;
}

@ObjectType()
export class OrganisationAuditEventConnection {
  @Field(() => [OrganisationAuditEventEdge]) edges!: OrganisationAuditEventEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@ObjectType()
export class AuditPerson {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
}

@ObjectType({ description: 'What the audit log can be filtered by.' })
export class AuditFilterOptions {
  @Field(() => [AuditPerson]) people!: AuditPerson[];
  @Field(() => [String]) kinds!: string[];
}

@Resolver()
export class AuditResolver {
  @Authorized()
  @Query(() => OrganisationAuditEventConnection, {
    description:
      'Every audited event of your organisation, newest first (ADMIN, APPROVER and API keys). Filter by person (actorId), event type (kind) and time (from inclusive, to exclusive). Also as CSV: GET /api/audit.csv with the same parameters.',
  })
  async organisationAuditEvents(
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('actorId', () => ID, { nullable: true }) actorId?: string | null,
    @Arg('kind', () => String, { nullable: true }) kind?: string | null,
    @Arg('from', () => GraphQLDateTimeISO, { nullable: true }) from?: Date | null,
    @Arg('to', () => GraphQLDateTimeISO, { nullable: true }) to?: Date | null,
  ): Promise<OrganisationAuditEventConnection> {
    requireAuditReader(requireViewer(ctx));
    const page = await auditPage(ctx.em, { actorId, kind, from, to }, first, after);
    return { ...page, edges: page.edges.map(({ cursor, node }) => ({ cursor, node: OrganisationAuditEventType.from(node) })) };
  }

  @Authorized()
  @Query(() => AuditFilterOptions, { description: 'The people and event types that appear in your organisation’s audit log.' })
  async organisationAuditFilters(@Ctx() ctx: GraphQLContext): Promise<AuditFilterOptions> {
    const viewer = requireViewer(ctx);
    requireAuditReader(viewer);
    return await auditFilterOptions(ctx.em, viewer.organisationId);
  }
}
