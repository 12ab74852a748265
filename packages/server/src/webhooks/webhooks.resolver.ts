import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Role } from '../accounts/role.js';
import type { GraphQLContext } from '../graphql/context.js';
import { requireViewer } from '../graphql/context.js';
import { requireStepUp } from '../accounts/two-factor/two-factor.resolver.js';
import { WebhookDeliveryStatus, type WebhookDelivery } from './webhook-delivery.entity.js';
import { WebhookEndpointStatus, type WebhookEndpoint } from './webhook-endpoint.entity.js';
import { enumOf, WebhookEventType } from './webhook-events.js';

@ObjectType('WebhookEndpoint', { description: 'Where a third-party tool receives signed events (Standard Webhooks).' })
export class WebhookEndpointType {
  @Field(() => ID) id!: string;
  @Field(() => String) url!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => [WebhookEventType]) eventTypes!: WebhookEventType[];
  @Field(() => Boolean, { description: 'Without it, bank numbers in payloads are masked.' }) canReadBankDetails!: boolean;
  @Field(() => WebhookEndpointStatus) status!: WebhookEndpointStatus;
  @Field(() => String, { nullable: true }) disabledReason!: string | null;
  @Field(() => GraphQLDateTimeISO, { nullable: true }) disabledAt!: Date | null;
  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'Deliveries have failed since then, with no success; 24 hours of it disables the endpoint.' })
  failingSince!: Date | null;
  @Field(() => GraphQLDateTimeISO, { nullable: true }) lastSuccessAt!: Date | null;
  @Field(() => GraphQLDateTimeISO) createdAt!: Date;
  @Field(() => GraphQLDateTimeISO, {
    nullable: true,
    description: 'After a secret rotation: until then deliveries are signed with the previous secret too (null: no overlap).',
  })
  previousSecretValidUntil!: Date | null;

  static from(e: WebhookEndpoint): WebhookEndpointType {
    return Object.assign(new WebhookEndpointType(), {
      id: e.id,
      url: e.url,
      description: e.description,
      eventTypes: e.eventTypes.map(enumOf).filter((t): t is WebhookEventType => t !== null),
      canReadBankDetails: e.canReadBankDetails,
      status: e.status,
      disabledReason: e.disabledReason,
      disabledAt: e.disabledAt,
      failingSince: e.failingSince,
      lastSuccessAt: e.lastSuccessAt,
      createdAt: e.createdAt,
      previousSecretValidUntil: e.previousSecretUntil && e.previousSecretUntil.getTime() > Date.now() ? e.previousSecretUntil : null,
    });
  }
}

@ObjectType('WebhookDelivery', { description: 'One event sent (or being sent) to one endpoint: the delivery log.' })
export class WebhookDeliveryType {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'The `webhook-id` header: the same on every attempt and redelivery of the event.' }) webhookId!: string;
  @Field(() => String, { description: 'The event’s wire name, e.g. `supplier.bank_details.changed` (or `webhook.test`).' }) eventType!: string;
  @Field(() => WebhookDeliveryStatus) status!: WebhookDeliveryStatus;
  @Field(() => Int) attempts!: number;
  @Field(() => Int, { nullable: true, description: 'The receiver’s HTTP status on the last attempt (null: no answer).' }) responseStatus!: number | null;
  @Field(() => String, { nullable: true, description: 'The start of the receiver’s answer.' }) responseBody!: string | null;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field(() => Int, { nullable: true, description: 'How long the last attempt took, in milliseconds.' }) durationMs!: number | null;
  @Field(() => GraphQLDateTimeISO) createdAt!: Date;
  @Field(() => GraphQLDateTimeISO, { nullable: true }) lastAttemptAt!: Date | null;
  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'When the next retry goes out (PENDING only).' }) nextAttemptAt!: Date | null;
  @Field(() => GraphQLDateTimeISO, { nullable: true }) deliveredAt!: Date | null;
  @Field(() => Boolean, { description: 'Sent again by hand from the delivery log.' }) isRedelivery!: boolean;

  static from(d: WebhookDelivery): WebhookDeliveryType {
    return Object.assign(new WebhookDeliveryType(), {
      id: d.id,
      webhookId: d.event.id,
      eventType: d.event.type,
      status: d.status,
      attempts: d.attempts,
      responseStatus: d.responseStatus,
      responseBody: d.responseBody,
      lastError: d.lastError,
      durationMs: d.durationMs,
      createdAt: d.createdAt,
      lastAttemptAt: d.lastAttemptAt,
      nextAttemptAt: d.status === WebhookDeliveryStatus.PENDING ? d.nextAttemptAt : null,
      deliveredAt: d.deliveredAt,
      isRedelivery: Boolean(d.redeliveryOf),
    });
  }
}

@ObjectType()
export class CreateWebhookEndpointPayload {
  @Field(() => WebhookEndpointType) endpoint!: WebhookEndpointType;
  @Field(() => String, { description: 'The signing secret (`whsec_…`). Shown this once; give it to the receiver to verify signatures.' })
  secret!: string;
}

@ObjectType()
export class RotateWebhookSecretPayload {
  @Field(() => WebhookEndpointType) endpoint!: WebhookEndpointType;
  @Field(() => String, { description: 'The new signing secret (`whsec_…`). Shown this once.' })
  secret!: string;
}

@InputType()
export class CreateWebhookEndpointInput {
  @Field(() => String, { description: 'HTTPS URL (plain HTTP is accepted outside production).' }) url!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [WebhookEventType]) eventTypes!: WebhookEventType[];
  @Field(() => Boolean, { defaultValue: false, description: 'Send bank numbers in full (otherwise masked, e.g. •••• 4321).' }) canReadBankDetails!: boolean;
}

/** ADMIN only — API keys never act as ADMIN, so no key can manage endpoints (as with keys themselves). */
@Resolver()
export class WebhooksResolver {
  @Authorized(Role.ADMIN)
  @Query(() => [WebhookEndpointType], { description: 'Your organisation’s webhook endpoints (ADMIN).' })
  async webhookEndpoints(@Ctx() ctx: GraphQLContext): Promise<WebhookEndpointType[]> {
    return (await ctx.services.webhooks.list(ctx.em)).map(WebhookEndpointType.from);
  }

  @Authorized(Role.ADMIN)
  @Query(() => [WebhookDeliveryType], { description: 'An endpoint’s most recent deliveries, newest first (ADMIN).' })
  async webhookDeliveries(
    @Arg('endpointId', () => ID) endpointId: string,
    @Arg('first', () => Int, { defaultValue: 25 }) first: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WebhookDeliveryType[]> {
    return (await ctx.services.webhooks.deliveries(ctx.em, endpointId, first)).map(WebhookDeliveryType.from);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CreateWebhookEndpointPayload, {
    description:
      'Adds a webhook endpoint (ADMIN). The signing secret is returned this once. Needs a second factor proved in the last few minutes (FORBIDDEN, reason STEP_UP_REQUIRED: verifyStepUp, then retry).',
  })
  async createWebhookEndpoint(
    @Arg('input', () => CreateWebhookEndpointInput) input: CreateWebhookEndpointInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CreateWebhookEndpointPayload> {
    // What was typed is checked first: a wrong URL is told before a second factor is asked for.
    await ctx.services.webhooks.checkEndpointInput(input);
    requireStepUp(ctx);
    const { endpoint, secret } = await ctx.services.webhooks.create(ctx.em, requireViewer(ctx), input);
    return { endpoint: WebhookEndpointType.from(endpoint), secret };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => WebhookEndpointType, { description: 'Disables (deliveries wait) or enables (they resume, in order) an endpoint (ADMIN).' })
  async setWebhookEndpointEnabled(
    @Arg('id', () => ID) id: string,
    @Arg('enabled', () => Boolean) enabled: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WebhookEndpointType> {
    return WebhookEndpointType.from(await ctx.services.webhooks.setEnabled(ctx.em, id, enabled));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => WebhookEndpointType, {
    description:
      'Changes an endpoint’s URL, description, events or bank-number grant (ADMIN); its secret and log stay. Needs a second factor proved in the last few minutes (FORBIDDEN, reason STEP_UP_REQUIRED: verifyStepUp, then retry).',
  })
  async updateWebhookEndpoint(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => CreateWebhookEndpointInput) input: CreateWebhookEndpointInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WebhookEndpointType> {
    await ctx.services.webhooks.checkEndpointInput(input);
    requireStepUp(ctx);
    return WebhookEndpointType.from(await ctx.services.webhooks.update(ctx.em, requireViewer(ctx), id, input));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => RotateWebhookSecretPayload, {
    description:
      'Gives an endpoint a new signing secret, returned this once (ADMIN). For 24 hours deliveries carry signatures by both the new and the previous secret, so the receiver can switch without refusing any. Needs a second factor proved in the last few minutes (FORBIDDEN, reason STEP_UP_REQUIRED: verifyStepUp, then retry).',
  })
  async rotateWebhookSecret(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<RotateWebhookSecretPayload> {
    requireStepUp(ctx);
    const { endpoint, secret } = await ctx.services.webhooks.rotateSecret(ctx.em, requireViewer(ctx), id);
    return { endpoint: WebhookEndpointType.from(endpoint), secret };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boolean, { description: 'Deletes an endpoint and its delivery log (ADMIN).' })
  async deleteWebhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return await ctx.services.webhooks.remove(ctx.em, requireViewer(ctx), id);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => WebhookDeliveryType, { description: 'Sends a delivery’s event again, with the same webhook-id (ADMIN).' })
  async redeliverWebhook(@Arg('deliveryId', () => ID) deliveryId: string, @Ctx() ctx: GraphQLContext): Promise<WebhookDeliveryType> {
    return WebhookDeliveryType.from(await ctx.services.webhooks.redeliver(ctx.em, deliveryId));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => WebhookDeliveryType, { description: 'Sends a `webhook.test` event to the endpoint (ADMIN).' })
  async sendWebhookTestEvent(@Arg('endpointId', () => ID) endpointId: string, @Ctx() ctx: GraphQLContext): Promise<WebhookDeliveryType> {
    return WebhookDeliveryType.from(await ctx.services.webhooks.sendTest(ctx.em, requireViewer(ctx), endpointId));
  }
}
