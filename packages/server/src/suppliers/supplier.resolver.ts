import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Role } from '../accounts/role.js';
import type { GraphQLContext } from '../graphql/context.js';
import { seesBankDetails } from '../accounts/viewer.js';
import { maskBankDetails, maskBankText } from '../common/bank-masking.js';
import { requireViewer } from '../graphql/context.js';
import { TOPICS, type SupplierAddedEvent } from '../graphql/pubsub.js';
import { SupplierDrift } from './supplier-drift.entity.js';
import { Supplier } from './supplier.entity.js';
import { BankConfirmation } from '../review/bank-confirmation.entity.js';
import { SupplierSort } from './supplier.service.js';
import { InviteStatus } from '../invites/invite-status.js';
import { OutboxStatus } from '../sync/outbox/outbox-status.js';
import { CreateSupplierInput } from './supplier.input.js';
import { SupplierConnection } from './supplier.types.js';
import { supplierLoaders } from './supplier.loaders.js';
import { BankDetailsState, bankDetailsState } from './bank-state.js';
import { countSupplierFilters, INVITE_EXPIRING_SOON_DAYS, SupplierFilterCounts } from './supplier-filter.js';
import { isUuid } from '../common/ids.js';

@Resolver(() => Supplier)
export class SupplierResolver {
  @Authorized()
  @Query(() => SupplierConnection, { description: 'Suppliers of your organisation, newest first.' })
  async suppliers(
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('search', () => String, { nullable: true }) search?: string | null,
    @Arg('includeArchived', () => Boolean, { defaultValue: false, description: 'Include suppliers archived in Xero.' })
    includeArchived?: boolean,
    @Arg('inviteStatus', () => InviteStatus, { nullable: true }) inviteStatus?: InviteStatus | null,
    @Arg('awaitingReview', () => Boolean, { nullable: true }) awaitingReview?: boolean | null,
    @Arg('hasDrift', () => Boolean, { nullable: true }) hasDrift?: boolean | null,
    @Arg('syncStatus', () => OutboxStatus, { nullable: true }) syncStatus?: OutboxStatus | null,
    @Arg('sort', () => SupplierSort, { defaultValue: SupplierSort.NEWEST }) sort?: SupplierSort,
    @Arg('notInvited', () => Boolean, { nullable: true, description: 'true: never invited (the bulk-invite list). false: invited at least once.' })
    notInvited?: boolean | null,
    @Arg('inviteExpiringSoon', () => Boolean, {
      nullable: true,
      description: `true: a live invite whose link stops working within ${INVITE_EXPIRING_SOON_DAYS} days.`,
    })
    inviteExpiringSoon?: boolean | null,
    @Arg('bankState', () => BankDetailsState, { nullable: true }) bankState?: BankDetailsState | null,
  ): Promise<SupplierConnection> {
    return ctx.services.suppliers.list(ctx.em, {
      first,
      after,
      search,
      includeArchived: includeArchived ?? false,
      inviteStatus,
      notInvited,
      inviteExpiringSoon,
      awaitingReview,
      hasDrift,
      syncStatus,
      bankState,
      sort: sort ?? SupplierSort.NEWEST,
    });
  }

  @Authorized()
  @Query(() => SupplierFilterCounts, {
    description: 'How many suppliers each list filter would show, within a search (one grouped query, for the filter menus).',
  })
  async supplierFilterCounts(
    @Ctx() ctx: GraphQLContext,
    @Arg('search', () => String, { nullable: true }) search?: string | null,
    @Arg('includeArchived', () => Boolean, { defaultValue: false }) includeArchived?: boolean,
  ): Promise<SupplierFilterCounts> {
    return await countSupplierFilters(ctx.em, requireViewer(ctx).organisationId, { search, includeArchived: includeArchived ?? false }, new Date());
  }

  @FieldResolver(() => BankDetailsState, {
    description: 'The bank details in one word (NONE, NOT_CONFIRMED, VERIFIED, CHANGED, ON_HOLD), from stored columns: no query per row.',
  })
  bankState(@Root() supplier: Supplier): BankDetailsState {
    return bankDetailsState(supplier);
  }

  @Authorized()
  @Query(() => Supplier, { nullable: true, description: 'One supplier of your organisation.' })
  async supplier(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Supplier | null> {
    return await ctx.services.suppliers.get(ctx.em, id);
  }

  @FieldResolver(() => [SupplierDrift], {
    description: 'Fields where Xero’s copy differs from Vouch’s (shown, never imported). Open differences only.',
  })
  async drift(@Root() supplier: Supplier, @Ctx() ctx: GraphQLContext): Promise<SupplierDrift[]> {
    const rows = await ctx.services.suppliers.openDrift(ctx.em, supplier.id);
    if (seesBankDetails(ctx.viewer)) return rows;
    return rows.map((d) =>
      d.isBankDetail
        ? Object.assign(Object.create(Object.getPrototypeOf(d) as object) as SupplierDrift, d, {
            vouchValue: maskBankDetails(d.vouchValue, d.field),
            xeroValue: maskBankDetails(d.xeroValue, d.field),
          })
        : d,
    );
  }

  @FieldResolver(() => String, { nullable: true, description: 'Bank account as Xero holds it. Masked (last 4) for VIEWERs and keys without the bank grant.' })
  bankAccountDetails(@Root() supplier: Supplier, @Ctx() ctx: GraphQLContext): string | null {
    if (!supplier.bankAccountDetails) return null;
    return seesBankDetails(ctx.viewer) ? supplier.bankAccountDetails : maskBankText(supplier.bankAccountDetails);
  }

  @FieldResolver(() => Boolean, {
    description:
      'A person confirmed the current bank details with the supplier by phone, on a number Vouch already held, and recorded it (see bankDetailsVerification).',
  })
  bankDetailsVerified(@Root() supplier: Supplier): boolean {
    return supplier.bankDetailsVerifiedAt !== null && supplier.bankConfirmationId !== null;
  }

  @FieldResolver(() => BankConfirmation, { nullable: true, description: 'How the current bank details were verified: who called, when, on which number.' })
  async bankDetailsVerification(@Root() supplier: Supplier, @Ctx() ctx: GraphQLContext): Promise<BankConfirmation | null> {
    return supplier.bankConfirmationId ? await supplierLoaders(ctx.em).bankConfirmation.load(supplier.bankConfirmationId) : null;
  }

  @FieldResolver(() => String, { description: 'What is and is not known about the bank details, in plain words.' })
  async bankDetailsStatus(@Root() supplier: Supplier, @Ctx() ctx: GraphQLContext): Promise<string> {
    return await ctx.services.suppliers.bankDetailsStatus(ctx.em, supplier);
  }

  @Authorized()
  @Query(() => Supplier, { nullable: true, description: 'Looks a supplier up by its Xero ContactID.' })
  async supplierByXeroContactId(@Arg('contactId', () => String) contactId: string, @Ctx() ctx: GraphQLContext): Promise<Supplier | null> {
    if (!isUuid(contactId)) return null;
    return await ctx.em.findOne(Supplier, { xeroContactId: contactId.toLowerCase() });
  }

  @FieldResolver(() => Boolean, { description: 'Xero holds different bank details than Vouch: check before paying.' })
  async hasBankDetailDrift(@Root() supplier: Supplier, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return (await ctx.services.suppliers.openDrift(ctx.em, supplier.id)).some((d) => d.isBankDetail);
  }

  @Authorized(Role.ADMIN, Role.APPROVER)
  @Mutation(() => Supplier, { description: 'Adds a supplier by hand.' })
  async createSupplier(@Arg('input', () => CreateSupplierInput) input: CreateSupplierInput, @Ctx() ctx: GraphQLContext): Promise<Supplier> {
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
    filter: ({ payload, context }: { payload: SupplierAddedEvent; context: GraphQLContext }) => payload.organisationId === context.viewer?.organisationId,
    description: 'A supplier was added to your organisation (by hand, import or sync).',
  })
  async supplierAdded(@Root() event: SupplierAddedEvent, @Ctx() ctx: GraphQLContext): Promise<Supplier> {
    const viewer = requireViewer(ctx);
    return await ctx.services.em(viewer.organisationId).findOneOrFail(Supplier, { id: event.supplierId });
  }
}
