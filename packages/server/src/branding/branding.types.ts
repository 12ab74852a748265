import { Field, ObjectType } from 'type-graphql';

@ObjectType('OrganisationBranding', {
  description: 'Who is asking, as suppliers see it on invite pages: the organisation’s name, logo and a contact person to check with.',
})
export class OrganisationBranding {
  @Field(() => String) name!: string;

  @Field(() => String, { nullable: true, description: 'Same-origin URL of the logo (PNG, JPEG or WebP); changes whenever the logo does.' })
  logoUrl!: string | null;

  @Field(() => String, { nullable: true, description: 'The person suppliers can ask about the request.' })
  contactName!: string | null;

  @Field(() => String, { nullable: true }) contactPhone!: string | null;
  @Field(() => String, { nullable: true }) contactEmail!: string | null;
}
