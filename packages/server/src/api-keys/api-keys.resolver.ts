import { Arg, Authorized, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Role } from '../accounts/role.js';
import type { GraphQLContext } from '../graphql/context.js';
import { requireViewer } from '../graphql/context.js';
import { requireStepUp } from '../accounts/two-factor/two-factor.resolver.js';
import { ApiKeyScope, type ApiKey } from './api-key.entity.js';

@ObjectType('ApiKey')
export class ApiKeyType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'The first characters of the key, to recognise it.' }) prefix!: string;
  @Field(() => ApiKeyScope) scope!: ApiKeyScope;
  @Field(() => Boolean) canReadBankDetails!: boolean;
  @Field(() => GraphQLDateTimeISO) createdAt!: Date;
  @Field(() => GraphQLDateTimeISO, { nullable: true }) lastUsedAt!: Date | null;
  @Field(() => GraphQLDateTimeISO, { nullable: true }) revokedAt!: Date | null;

  static from(k: ApiKey): ApiKeyType {
    return Object.assign(new ApiKeyType(), {
      id: k.id,
      name: k.name,
      prefix: k.prefix,
      scope: k.scope,
      canReadBankDetails: k.canReadBankDetails,
      createdAt: k.createdAt,
      lastUsedAt: k.lastUsedAt,
      revokedAt: k.revokedAt,
    });
  }
}

@ObjectType()
export class CreateApiKeyPayload {
  @Field(() => ApiKeyType) apiKey!: ApiKeyType;
  @Field(() => String, { description: 'The key itself. Shown this once; only its hash is stored.' }) secret!: string;
}

@Resolver()
export class ApiKeysResolver {
  @Authorized(Role.ADMIN)
  @Query(() => [ApiKeyType], { description: 'Your organisation’s API keys (ADMIN).' })
  async apiKeys(@Ctx() ctx: GraphQLContext): Promise<ApiKeyType[]> {
    return (await ctx.services.apiKeys.list(ctx.em)).map(ApiKeyType.from);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CreateApiKeyPayload, {
    description:
      'Creates an API key for a third-party tool (ADMIN). Send it as `Authorization: Bearer <key>`. Needs a second factor proved in the last few minutes (FORBIDDEN, reason STEP_UP_REQUIRED: verifyStepUp, then retry).',
  })
  async createApiKey(
    @Arg('name', () => String) name: string,
    @Arg('scope', () => ApiKeyScope) scope: ApiKeyScope,
    @Arg('canReadBankDetails', () => Boolean, { defaultValue: false }) canReadBankDetails: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CreateApiKeyPayload> {
    requireStepUp(ctx);
    const { key, secret } = await ctx.services.apiKeys.create(ctx.em, requireViewer(ctx), { name, scope, canReadBankDetails });
    return { apiKey: ApiKeyType.from(key), secret };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ApiKeyType, { description: 'Revokes an API key at once (ADMIN).' })
  async revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<ApiKeyType> {
    return ApiKeyType.from(await ctx.services.apiKeys.revoke(ctx.em, requireViewer(ctx), id));
  }
}
