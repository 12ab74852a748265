import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Role } from '../accounts/role.js';
import type { GraphQLContext } from '../graphql/context.js';
import { requireViewer } from '../graphql/context.js';
import { TOPICS, type SupplierAddedEvent } from '../graphql/pubsub.js';
import { Supplier } from './supplier.entity.js';
import { CreateSupplierInput } from './supplier.input.js';
import { SupplierConnection } from './supplier.types.js';

@Resolver(() => Supplier)
export class SupplierResolver {
  @Authorized()
  @Query(() => SupplierConnection, { description: 'Suppliers of your organisation, newest first.' })
  async suppliers(
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('search', () => String, { nullable: true }) search?: string | null,
  ): Promise<SupplierConnection> {
    return ctx.services.suppliers.list(ctx.em, { first, after, search });
  }

  @Authorized(Role.ADMIN, Role.APPROVER)
  @Mutation(() => Supplier, { description: 'Adds a supplier by hand.' })
  async createSupplier(
    @Arg('input', () => CreateSupplierInput) input: CreateSupplierInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Supplier> {
    const viewer = requireViewer(ctx);
    const supplier = await ctx.services.suppliers.create(ctx.em, viewer, input);
    await ctx.services.pubsub.publish(TOPICS.SUPPLIER_ADDED, {
      organisationId: viewer.organisationId,
      supplierId: supplier.id,
    });
    return supplier;
  }

  @Authorized()
  @Subscription(() => Supplier, {
    topics: TOPICS.SUPPLIER_ADDED,
    filter: ({ payload, context }: { payload: SupplierAddedEvent; context: GraphQLContext }) =>
      payload.organisationId === context.viewer?.organisationId,
    description: 'A supplier was added to your organisation (by hand, import or sync).',
  })
  async supplierAdded(@Root() event: SupplierAddedEvent, @Ctx() ctx: GraphQLContext): Promise<Supplier> {
    const viewer = requireViewer(ctx);
    return await ctx.services.em(viewer.organisationId).findOneOrFail(Supplier, { id: event.supplierId });
  }
}
