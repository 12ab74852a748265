import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, Kind, parse, type DefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE } from '../schema/build-schema.js';
import { assertQueryCost, DEFAULT_COST_LIMITS } from './query-cost.js';

const schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
const cost = (query: string, variables: Record<string, unknown> = {}) => {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return assertQueryCost(schema, document, operation, variables);
};

describe('query cost', () => {
  it('prices first: from a variable like a literal (first: $n with n = 200 was priced as the default)', () => {
    const query = 'query Q($n: Int!) { suppliers(first: $n) { edges { node { id latestInvite { id } } } } }';
    expect(cost(query, { n: 200 })).toBe(cost('query { suppliers(first: 200) { edges { node { id latestInvite { id } } } } }'));
    expect(cost(query, { n: 200 })).toBeGreaterThan(cost(query, { n: 10 }));
  });

  it('multiplies lists nested inside list items (the 54,000-object request is refused)', () => {
    const nested = `query { suppliers(first: 200) { edges { node { id changeRequests { id changes { field } approvals { userId } }
      auditEvents(first: 50) { edges { node { id } } } } } } }`;
    expect(() => cost(nested)).toThrow(/too expensive/);
  });

  it('caps page sizes inside lists', () => {
    expect(() => cost('query { suppliers(first: 2) { edges { node { auditEvents(first: 200) { edges { node { id } } } } } } }')).toThrow(
      /at most 50 inside a list/,
    );
    expect(() => cost('query($n: Int!) { suppliers(first: 2) { edges { node { auditEvents(first: $n) { edges { node { id } } } } } } }', { n: 51 })).toThrow(
      /at most 50/,
    );
    // At the root, or under a single object, the resolver's own cap applies.
    expect(() => cost('query { supplier(id: "x") { auditEvents(first: 200) { edges { node { id } } } } }')).not.toThrow();
  });

  it('follows fragments and does not price introspection', () => {
    const viaFragment = cost('query { suppliers(first: 100) { ...S } } fragment S on SupplierConnection { edges { node { id latestInvite { id } } } }');
    expect(viaFragment).toBe(cost('query { suppliers(first: 100) { edges { node { id latestInvite { id } } } } }'));
    expect(cost('query { __schema { types { fields { name } } } }')).toBe(0);
  });

  it('lets every operation the SPA sends through, at the largest page size it may ask for', () => {
    const web = path.resolve(SCHEMA_FILE, '../packages/web/src');
    const files = readdirSync(web, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f) && !f.startsWith('gql'));
    const definitions: DefinitionNode[] = [];
    for (const file of files) {
      for (const match of readFileSync(path.join(web, file), 'utf8').matchAll(/graphql\(`([\s\S]*?)`\)/g)) definitions.push(...parse(match[1]!).definitions);
    }
    const fragments = definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
    const operations = definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    expect(operations.length).toBeGreaterThan(10);
    for (const operation of operations) {
      const document = { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] } as const;
      const used = assertQueryCost(schema, document, operation, { first: 200 });
      expect(used, operation.name?.value).toBeLessThanOrEqual(DEFAULT_COST_LIMITS.maxCost / 2);
    }
  });
});
