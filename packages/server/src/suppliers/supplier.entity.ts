import { Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { OrgOwnedEntity } from '../common/org-owned.entity.js';

@ObjectType('Supplier')
@Entity({ tableName: 'suppliers' })
@Index({ properties: ['organisation', 'id'] })
export class Supplier extends OrgOwnedEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 255 })
  name!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 255, nullable: true })
  email: string | null = null;
}
