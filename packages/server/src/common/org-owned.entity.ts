import type { Rel } from '@mikro-orm/core';
import { ManyToOne } from '@mikro-orm/decorators/legacy';
import { ObjectType } from 'type-graphql';
import { Organisation } from '../accounts/organisation.entity.js';
import { BaseEntity } from './base.entity.js';

/**
 * Every organisation-owned row extends this. The ORM's `organisation` filter (see db/orm.config.ts) is on by
 * default for these entities and has no default value: a query made without naming the organisation fails
 * instead of reading every tenant's rows.
 */
@ObjectType()
export abstract class OrgOwnedEntity extends BaseEntity {
  @ManyToOne({ entity: () => Organisation, deleteRule: 'cascade', index: true })
  organisation!: Rel<Organisation>;
}
