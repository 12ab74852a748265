import {
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

// Types are read by shape, not with graphql's isListType/instanceof helpers: graphql is loaded both as CJS
// (type-graphql's schema, Apollo) and, under vitest, as ESM, and those helpers refuse the other copy's types.
const isList = (type: GraphQLType): boolean => String(type).replace(/!$/, '').startsWith('[');
const namedType = (schema: GraphQLSchema, type: GraphQLType): GraphQLNamedType | undefined => schema.getType(String(type).replace(/[[\]!]/g, ''));
const isComposite = (type: GraphQLNamedType | null | undefined): type is GraphQLCompositeType => !!type && ('getFields' in type || 'getTypes' in type); // objects, interfaces, unions (inputs are never output)

/**
 * What a query would fetch, priced before it runs, the same way on every transport. Each object (or list
 * item) costs 1; a list multiplies the cost of what is selected inside it by its size: the `first` argument
 * (a literal, a variable's value or the argument's default), or an estimate for lists without one. Lists
 * nested in lists multiply again, so `suppliers(first: 200) { … auditEvents(first: 200) }` costs 40,000+,
 * not 400. Introspection is not priced (depth and alias limits still apply).
 */
export interface CostLimits {
  maxCost: number;
  /** `first` on a list that is itself inside a list (per parent item) may be at most this. */
  maxNestedPageSize: number;
}

export const DEFAULT_COST_LIMITS: CostLimits = { maxCost: 10_000, maxNestedPageSize: 50 };

/** Sizes assumed for lists without a `first` argument: the resolvers' own caps, or Xero's limits. */
const LIST_ESTIMATES: Record<string, number> = {
  'Supplier.changeRequests': 50,
  'Supplier.addresses': 2, // Xero: POBOX and STREET
  'Supplier.phones': 4, // DEFAULT, DDI, MOBILE, FAX
  'Supplier.contactPersons': 5, // Xero allows 5
  'ChangeRequest.approvals': 2,
};
const DEFAULT_LIST_ESTIMATE = 20;
/** The largest page any paged field returns (suppliers, change requests, audit events, failed syncs, deliveries). */
export const MAX_PAGE_SIZE = 200;

export class QueryCostError extends Error {
  constructor(
    message: string,
    readonly details: { cost?: number; maxCost?: number; field?: string },
  ) {
    super(message);
    this.name = 'QueryCostError';
  }
}

function argumentValue(node: ValueNode | undefined, variables: Record<string, unknown>): unknown {
  if (!node) return undefined;
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  if (node.kind === Kind.INT) return Number(node.value);
  return undefined;
}

function pageSize(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>): number | undefined {
  const def = field.args.find((a) => a.name === 'first');
  if (!def) return undefined;
  const given = argumentValue(node.arguments?.find((a) => a.name.value === 'first')?.value, variables);
  const value = given ?? def.defaultValue;
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, value) : undefined;
}

/** Throws QueryCostError when the operation is over the limits; returns its cost otherwise. */
export function assertQueryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | null | undefined,
  limits: CostLimits = DEFAULT_COST_LIMITS,
): number {
  const vars: Record<string, unknown> = {};
  for (const def of operation.variableDefinitions ?? []) {
    if (def.defaultValue?.kind === Kind.INT) vars[def.variable.name.value] = Number(def.defaultValue.value);
  }
  Object.assign(vars, variables ?? {});
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);

  const costOf = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, insideList: boolean, seen: Set<string>): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue; // unknown/cyclic: validation reports it
        const type = schema.getType(fragment.typeCondition.name.value);
        if (isComposite(type)) total += costOf(fragment.selectionSet, type, insideList, new Set([...seen, fragment.name.value]));
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (isComposite(type)) total += costOf(selection.selectionSet, type, insideList, seen);
        continue;
      }
      const name = selection.name.value;
      if (name.startsWith('__')) continue;
      if (!('getFields' in parent)) continue; // unions: only __typename or fragments
      const field = parent.getFields()[name];
      if (!field || !selection.selectionSet) continue;
      const type = namedType(schema, field.type);
      if (!isComposite(type)) continue;
      const first = pageSize(field, selection, vars);
      if (first !== undefined && insideList && first > limits.maxNestedPageSize) {
        throw new QueryCostError(`${parent.name}.${name}: first may be at most ${limits.maxNestedPageSize} inside a list.`, {
          field: `${parent.name}.${name}`,
        });
      }
      const list = isList(field.type);
      // A connection's `edges` are already sized by the `first` of the field that returned the connection.
      const connectionEdges = parent.name.endsWith('Connection') && name === 'edges';
      // Every paged field refuses or clamps `first` above MAX_PAGE_SIZE, so that is the most it can fetch; a
      // larger `first` is then refused by the field itself with BAD_USER_INPUT naming the range.
      const size =
        first !== undefined
          ? Math.min(first, MAX_PAGE_SIZE)
          : list && !connectionEdges
            ? (LIST_ESTIMATES[`${parent.name}.${name}`] ?? DEFAULT_LIST_ESTIMATE)
            : 1;
      const many = first !== undefined || (list && !connectionEdges);
      total += size * (1 + costOf(selection.selectionSet, type, insideList || many, seen));
    }
    return total;
  };

  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const cost = costOf(operation.selectionSet, root, false, new Set());
  if (cost > limits.maxCost) {
    throw new QueryCostError(`This query is too expensive (cost ${cost}, at most ${limits.maxCost}): ask for fewer items or fewer nested lists.`, {
      cost,
      maxCost: limits.maxCost,
    });
  }
  return cost;
}
