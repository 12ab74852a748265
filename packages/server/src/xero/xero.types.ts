import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { ImportStatus, XeroConnectionStatus, type XeroConnection } from './xero-connection.entity.js';

@ObjectType()
export class ImportProgress {
  @Field(() => Int) pages!: number;
  @Field(() => Int, { description: 'Contacts read from Xero.' }) seen!: number;
  @Field(() => Int, { description: 'Suppliers created.' }) created!: number;
  @Field(() => Int, { description: 'Customer-only contacts skipped.' }) skipped!: number;
  @Field(() => Int, { description: 'Archived contacts recorded (not shown as active suppliers).' }) archived!: number;
}

@ObjectType()
export class XeroApiHeadroom {
  @Field(() => Int, { nullable: true, description: 'X-MinLimit-Remaining on the last response.' })
  minuteRemaining!: number | null;
  @Field(() => Int, { nullable: true, description: 'X-DayLimit-Remaining on the last response.' })
  dayRemaining!: number | null;
  @Field(() => Int, { nullable: true, description: 'X-AppMinLimit-Remaining on the last response.' })
  appMinuteRemaining!: number | null;
  @Field(() => GraphQLDateTimeISO) observedAt!: Date;
}

/** The organisation's Xero connection as the buyer sees it (tokens never leave the server). */
@ObjectType('XeroConnection')
export class XeroConnectionType {
  @Field(() => ID) id!: string;
  @Field(() => XeroConnectionStatus) status!: XeroConnectionStatus;
  @Field(() => String) tenantId!: string;
  @Field(() => String) tenantName!: string;
  @Field(() => GraphQLDateTimeISO) connectedAt!: Date;
  @Field(() => GraphQLDateTimeISO, { nullable: true }) lastSuccessfulPollAt!: Date | null;
  @Field(() => GraphQLDateTimeISO, { nullable: true }) nextPollAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'The last sync problem, in words.' }) lastError!: string | null;
  @Field(() => ImportStatus) importStatus!: ImportStatus;
  @Field(() => ImportProgress, { nullable: true }) importProgress!: ImportProgress | null;
  @Field(() => XeroApiHeadroom, { nullable: true }) apiHeadroom!: XeroApiHeadroom | null;

  static from(c: XeroConnection): XeroConnectionType {
    return Object.assign(new XeroConnectionType(), {
      id: c.id,
      status: c.status,
      tenantId: c.tenantId,
      tenantName: c.tenantName,
      connectedAt: c.connectedAt,
      lastSuccessfulPollAt: c.lastSuccessfulPollAt,
      nextPollAt: c.status === XeroConnectionStatus.CONNECTED ? c.nextPollAt : null,
      lastError: c.lastError,
      importStatus: c.importStatus,
      importProgress: c.importProgress,
      apiHeadroom: c.rateLimit
        ? {
            minuteRemaining: c.rateLimit.minRemaining,
            dayRemaining: c.rateLimit.dayRemaining,
            appMinuteRemaining: c.rateLimit.appMinRemaining,
            observedAt: new Date(c.rateLimit.at),
          }
        : null,
    });
  }
}

@ObjectType()
export class XeroTenantChoice {
  @Field(() => String) tenantId!: string;
  @Field(() => String) tenantName!: string;
  @Field(() => Boolean, { description: 'False when this Vouch organisation is locked to another Xero organisation.' })
  allowed!: boolean;
}

@ObjectType()
export class PendingXeroConnection {
  @Field(() => ID) attemptId!: string;
  @Field(() => [XeroTenantChoice]) tenants!: XeroTenantChoice[];
  @Field(() => String, { nullable: true, description: 'Set once connected: only this Xero organisation may be chosen.' })
  lockedTenantId!: string | null;
  @Field(() => GraphQLDateTimeISO) expiresAt!: Date;
}

@ObjectType()
export class StartXeroConnectionPayload {
  @Field(() => String, { description: 'Send the browser here (Xero login and consent).' })
  authorizeUrl!: string;
}
