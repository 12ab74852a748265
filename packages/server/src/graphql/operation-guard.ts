import { createRequire } from 'node:module';
import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, GraphQLError as GraphQLErrorType, GraphQLSchema, OperationDefinitionNode, ValidationRule } from 'graphql';
import type { GraphQLContext } from './context.js';
import { assertQueryCost, DEFAULT_COST_LIMITS, QueryCostError, type CostLimits } from './query-cost.js';

/**
 * graphql as Node loads it for type-graphql, Apollo, graphql-ws and graphql-armor (CommonJS), so the schema,
 * the validation rules and the errors this module makes are all of one copy (under vitest an ESM `import`
 * would get a second copy, whose validate() refuses the schema).
 */
const { getOperationAST, GraphQLError, parse, specifiedRules, validate } = createRequire(import.meta.url)('graphql') as typeof import('graphql');
type GraphQLError = GraphQLErrorType;

/** A GraphQLError of that same copy (graphql-ws only passes on errors that are `instanceof` its GraphQLError). */
export const requestFailure = (message: string, extensions: Record<string, unknown>): GraphQLError => new GraphQLError(message, { extensions });

/** Re-raised as this package's GraphQLError with a request code (graphql-armor's come from its CJS graphql). */
const requestError = (error: { message: string; nodes?: GraphQLError['nodes'] }, code: string, extra: Record<string, unknown> = {}) =>
  new GraphQLError(error.message, { ...(error.nodes ? { nodes: error.nodes } : {}), extensions: { code, ...extra, http: { status: 400 } } });

/**
 * One gate for every transport: the same validation rules (graphql's own plus graphql-armor's depth, alias and
 * directive limits) and the same cost limit (variables and nested list sizes priced, see query-cost.ts).
 * Apollo runs the validation rules itself and the cost through `plugin`; graphql-ws runs `prepare` in
 * onSubscribe, which replaces its own (spec-rules-only) validation.
 */
export function createOperationGuard(schema: GraphQLSchema, extraRules: readonly ValidationRule[], limits: CostLimits = DEFAULT_COST_LIMITS) {
  const rules = [...specifiedRules, ...extraRules];

  const checkCost = (document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | null | undefined): void => {
    try {
      assertQueryCost(schema, document, operation, variables, limits);
    } catch (error) {
      if (error instanceof QueryCostError)
        throw requestError(error, 'GRAPHQL_VALIDATION_FAILED', error.details.cost ? { cost: error.details.cost, maxCost: error.details.maxCost } : {});
      throw error;
    }
  };

  const plugin: ApolloServerPlugin<GraphQLContext> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (operation) checkCost(document, operation, request.variables);
        },
      };
    },
  };

  return {
    plugin,

    /** Parse, validate and price a websocket operation: the document, or the errors to send back. */
    prepare(
      query: string,
      operationName: string | null | undefined,
      variables: Record<string, unknown> | null | undefined,
    ): { document: DocumentNode } | { errors: GraphQLError[] } {
      let document: DocumentNode;
      try {
        document = parse(query);
      } catch (error) {
        return { errors: [requestError(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')] };
      }
      const invalid = validate(schema, document, rules);
      if (invalid.length) return { errors: invalid.map((e) => requestError(e, 'GRAPHQL_VALIDATION_FAILED')) };
      const operation = getOperationAST(document, operationName);
      if (!operation) return { errors: [requestError({ message: 'Unable to identify the operation to run.' }, 'OPERATION_RESOLUTION_FAILURE')] };
      try {
        checkCost(document, operation, variables);
      } catch (error) {
        if (error instanceof GraphQLError) return { errors: [error] };
        throw error;
      }
      return { document };
    },
  };
}
