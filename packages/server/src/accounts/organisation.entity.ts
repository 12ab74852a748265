import type { Opt } from '@mikro-orm/core';
import { Entity, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';

@ObjectType('Organisation')
@Entity({ tableName: 'organisations' })
export class Organisation extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => Boolean, { description: 'Bank-detail changes need a second, different approver.' })
  @Property({ type: 'boolean', default: false })
  requireSecondApproverForBankChanges: boolean & Opt = false;

  @Field(() => Int, { description: 'Days to hold payments after bank details change (0: no hold).' })
  @Property({ type: 'integer', default: 3 })
  paymentHoldDays: number & Opt = 3;

  @Field(() => Boolean, { description: 'Every member must sign in with a second factor (authenticator app or passkey).' })
  @Property({ type: 'boolean', default: false })
  requireTwoFactor: boolean & Opt = false;
}
