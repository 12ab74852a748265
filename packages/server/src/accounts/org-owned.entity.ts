import type { Rel } from '@mikro-orm/core';
import { ManyToOne } from '@mikro-orm/decorators/legacy';
import { ObjectType } from 'type-graphql';
import { Organisation } from './organisation.entity.js';
import { BaseEntity } from '../common/base.entity.js';

/** The ORM filter that scopes org-owned entities to one organisation (db/orm.config.ts; bypass: common/unscoped.ts). */
export const ORGANISATION_FILTER = 'organisation';

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
