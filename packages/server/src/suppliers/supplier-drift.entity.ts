import type { Opt, Rel } from '@mikro-orm/core';
import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { GraphQLDateTimeISO, GraphQLJSON } from 'graphql-scalars';
import { OrgOwnedEntity } from '../accounts/org-owned.entity.js';
import { Supplier } from './supplier.entity.js';

/**
 * A field where Xero's copy differs from Vouch's. Shown, never imported. One open row per supplier and field:
 * it is refreshed while the difference lasts and resolved when the two agree again.
 */
@ObjectType('SupplierDrift')
@Entity({ tableName: 'supplier_drift' })
@Unique({ properties: ['supplier', 'field'] })
export class SupplierDrift extends OrgOwnedEntity {
  @ManyToOne({ entity: () => Supplier, deleteRule: 'cascade' })
  supplier!: Rel<Supplier>;

  @Field(() => String)
  @Property({ type: 'string', length: 50 })
  field!: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Vouch’s value when the drift was last seen.' })
  @Property({ type: 'json', nullable: true })
  vouchValue: unknown = null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Xero’s value.' })
  @Property({ type: 'json', nullable: true })
  xeroValue: unknown = null;

  @Field(() => Boolean, { description: 'Bank details differ: check before paying this supplier.' })
  @Property({ type: 'boolean', default: false })
  isBankDetail: boolean & Opt = false;

  @Field(() => GraphQLDateTimeISO)
  @Property({ type: 'datetime' })
  firstSeenAt!: Date;

  @Field(() => GraphQLDateTimeISO)
  @Property({ type: 'datetime' })
  lastSeenAt!: Date;

  @Field(() => GraphQLDateTimeISO, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  resolvedAt: Date | null = null;
}
