import { Cursor, type EntityManager, type EntityName, type FilterQuery, type QueryOrderMap } from '@mikro-orm/postgresql';
import { Field, ObjectType } from 'type-graphql';
import { AppError } from './app-error.js';
import { isUuid } from './ids.js';

/** Relay's page info, shared by every connection in the schema. */
@ObjectType('PageInfo')
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export class InvalidCursor extends AppError {
  constructor() {
    super('BAD_USER_INPUT', 'INVALID_CURSOR', 'The pagination cursor is not valid.');
  }
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
}

/**
 * A client's cursor, checked before any query: MikroORM's opaque cursor (its keyset values) whose values each
 * have their column's type (`valid(key, value)`), else INVALID_CURSOR — a crafted cursor reached PostgreSQL
 * as a 500 once. Keys are the order's columns, in order.
 */
export function checkedCursor(after: string | null | undefined, keys: string[], valid: (key: string, value: unknown) => boolean): string | undefined {
  if (!after) return undefined;
  let values: unknown;
  try {
    values = Cursor.decode(after);
  } catch {
    throw new InvalidCursor();
  }
  if (!Array.isArray(values) || values.length !== keys.length || !values.every((v, i) => valid(keys[i]!, v))) throw new InvalidCursor();
  return after;
}

/** The cursor of a row in an order by id alone (batched pages that cannot use `findPage`). */
export const idCursor = (id: string): string => Cursor.encode([id]);

/** The id in an `idCursor`, checked (INVALID_CURSOR otherwise). */
export function idFromCursor(cursor: string): string {
  return Cursor.decode(checkedCursor(cursor, ['id'], (_k, v) => isUuid(v))!)[0] as string;
}

/**
 * One keyset page by id (UUIDv7: id order is time order), through MikroORM's `findByCursor`, with the cursor
 * checked first. No total count (one query less); connections that show one count it themselves.
 */
export async function findPageById<T extends { id: string }, P extends string = never>(
  em: EntityManager,
  entity: EntityName<T>,
  options: { where: FilterQuery<T>; first: number; after?: string | null; direction: 'asc' | 'desc'; populate?: readonly P[] },
): Promise<Page<T>> {
  const after = checkedCursor(options.after, ['id'], (_k, v) => isUuid(v));
  const cursor = await em.findByCursor(entity, {
    where: options.where,
    first: options.first,
    ...(after ? { after } : {}),
    orderBy: { id: options.direction } as QueryOrderMap<T>,
    includeCount: false,
    ...(options.populate ? { populate: options.populate as never } : {}),
  });
  return {
    edges: cursor.items.map((node) => ({ cursor: cursor.from(node), node: node as T })),
    pageInfo: { hasNextPage: cursor.hasNextPage, endCursor: cursor.endCursor },
  };
}
