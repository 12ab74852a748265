import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Organisation } from '../accounts/organisation.entity.js';
import { Role } from '../accounts/role.js';
import type { GraphQLContext } from '../graphql/context.js';
import { requireViewer } from '../graphql/context.js';
import { SupplierContactInput } from './branding.input.js';
import { brandingOf, MAX_LOGO_BYTES, removeLogo, setLogo, updateSupplierContact, type Actor } from './branding.service.js';
import { OrganisationBranding } from './branding.types.js';

/** Settings → What suppliers see: the logo and contact person on invite pages (ADMIN). */
@Resolver(() => Organisation)
export class BrandingResolver {
  @FieldResolver(() => OrganisationBranding, { description: 'What suppliers see of this organisation on invite pages.' })
  branding(@Root() organisation: Organisation): OrganisationBranding {
    return brandingOf(organisation);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Organisation, { description: 'The contact person suppliers see on invite pages (ADMIN). A field left out stays; empty or null clears it.' })
  async updateSupplierContact(@Arg('input', () => SupplierContactInput) input: SupplierContactInput, @Ctx() ctx: GraphQLContext): Promise<Organisation> {
    return await updateSupplierContact(ctx.em, requireViewer(ctx).organisationId, await this.actor(ctx), input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Organisation, {
    description: `Sets the logo suppliers see on invite pages (ADMIN): a PNG, JPEG or WebP (checked by its bytes; SVG is refused), base64, at most ${MAX_LOGO_BYTES / 1024} KB and 4096 pixels a side.`,
  })
  async setOrganisationLogo(
    @Arg('image', () => String, { description: 'The image, base64 (a data: URL is accepted; its stated type is ignored).' }) image: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Organisation> {
    return await setLogo(ctx.em, requireViewer(ctx).organisationId, await this.actor(ctx), image);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Organisation, { description: 'Removes the logo suppliers see (ADMIN).' })
  async removeOrganisationLogo(@Ctx() ctx: GraphQLContext): Promise<Organisation> {
    return await removeLogo(ctx.em, requireViewer(ctx).organisationId, await this.actor(ctx));
  }

  private async actor(ctx: GraphQLContext): Promise<Actor> {
    const user = await ctx.services.accounts.viewerUser(ctx.em, requireViewer(ctx));
    return { id: user.id, label: user.name };
  }
}
