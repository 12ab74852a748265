import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../common/pagination.js';
import { Supplier } from './supplier.entity.js';

@ObjectType()
export class SupplierEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Supplier)
  node!: Supplier;
}

@ObjectType()
export class SupplierConnection {
  @Field(() => [SupplierEdge])
  edges!: SupplierEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
