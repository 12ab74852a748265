import type { Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { OrgOwnedEntity } from '../accounts/org-owned.entity.js';
import { Supplier } from '../suppliers/supplier.entity.js';
import { ChangeRequest } from './change-request.entity.js';

export enum CallbackNumberSource {
  /** A number Vouch held before the submission (Xero's phones, earlier approved details). */
  HELD = 'HELD',
  /** Typed by the buyer: not from Vouch's records, so weaker evidence. */
  TYPED = 'TYPED',
}
registerEnumType(CallbackNumberSource, { name: 'CallbackNumberSource' });

/**
 * The out-of-band check of a bank change: a person phoned the supplier on a number Vouch already held and the
 * supplier confirmed the new details. Append-only in practice (never updated); a bank change is accepted only
 * with one of these, and bank details count as verified only while the record belongs to the current details.
 */
@ObjectType('BankConfirmation')
@Entity({ tableName: 'bank_confirmations' })
@Index({ properties: ['organisation', 'supplier'] })
export class BankConfirmation extends OrgOwnedEntity {
  @ManyToOne({ entity: () => Supplier, deleteRule: 'cascade' })
  supplier!: Rel<Supplier>;

  @ManyToOne({ entity: () => ChangeRequest, deleteRule: 'cascade' })
  changeRequest!: Rel<ChangeRequest>;

  @Property({ type: 'uuid' })
  confirmedById!: string;

  @Field(() => String, { description: 'Who made the call.' })
  @Property({ type: 'string', length: 200 })
  confirmedByName!: string;

  @Field(() => GraphQLDateTimeISO)
  @Property({ type: 'datetime' })
  confirmedAt!: Date;

  @Field(() => String, { description: 'The number called.' })
  @Property({ type: 'string', length: 60 })
  phoneNumber!: string;

  @Field(() => CallbackNumberSource)
  @Enum({ items: () => CallbackNumberSource, nativeEnumName: 'callback_number_source' })
  phoneSource!: CallbackNumberSource;

  @Field(() => String, { nullable: true, description: 'Where the number came from, e.g. “Phone in Xero”.' })
  @Property({ type: 'string', length: 120, nullable: true })
  phoneLabel: string | null = null;

  @Field(() => String)
  @Property({ type: 'string', length: 1000 })
  note!: string;
}
