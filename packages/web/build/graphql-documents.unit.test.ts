import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { graphql } from '../src/gql';
import { GraphqlDocumentError, documentModuleId, readGeneratedDocuments, rewriteGraphqlCalls, type GeneratedDocuments } from './graphql-documents';

const srcDir = fileURLToPath(new URL('../src', import.meta.url));
const gqlDir = path.join(srcDir, 'gql');
const file = path.join(srcDir, 'features', 'things', 'Thing.tsx');

const QUERY = '\n  query Thing($id: ID!) {\n    thing(id: $id) {\n      id\n    }\n  }\n';
const FRAGMENT = '\n  fragment Thing_thing on Thing {\n    id\n  }\n';
const fake: GeneratedDocuments = {
  nameBySource: new Map([
    [QUERY, 'ThingDocument'],
    [FRAGMENT, 'Thing_ThingFragmentDoc'],
  ]),
  jsonByName: new Map([
    ['ThingDocument', '{"kind":"Document","definitions":[]}'],
    ['Thing_ThingFragmentDoc', '{"kind":"Document","definitions":[]}'],
  ]),
};

const rewrite = (code: string, documents = fake) => rewriteGraphqlCalls(code, file, gqlDir, documents);

describe('rewriteGraphqlCalls', () => {
  it('replaces each graphql(`…`) with an import of its own document and drops the graphql import', () => {
    const code = [
      "import { useQuery } from '@apollo/client/react';",
      "import { graphql } from '../../gql';",
      '',
      `const THING = graphql(\`${QUERY}\`);`,
      `export const THING_FRAGMENT = graphql(\`${FRAGMENT}\`);`,
      'export function Thing({ id }: { id: string }) {',
      '  const { data } = useQuery(THING, { variables: { id } });',
      '  return <p>{data?.thing?.id}</p>;',
      '}',
    ].join('\n');
    const result = rewrite(code)!;
    expect(result.documents).toEqual(['ThingDocument', 'Thing_ThingFragmentDoc']);
    expect(result.code).not.toMatch(/\bgraphql\(|from '\.\.\/\.\.\/gql'/);
    expect(result.code).toContain('const THING = __gql_ThingDocument');
    expect(result.code).toContain('export const THING_FRAGMENT = __gql_Thing_ThingFragmentDoc');
    expect(result.code).toContain(`import { ThingDocument as __gql_ThingDocument } from "${documentModuleId('ThingDocument')}";`);
    // Every line of the original code keeps its number (no source map needed to point at the right line).
    const original = code.split('\n');
    const rewritten = result.code.split('\n');
    expect(rewritten.indexOf('export function Thing({ id }: { id: string }) {')).toBe(original.indexOf('export function Thing({ id }: { id: string }) {'));
  });

  it('keeps the other names imported beside graphql', () => {
    const result = rewrite(`import { graphql, type DocumentType } from '../../gql';\nconst T = graphql(\`${QUERY}\`);\ntype X = DocumentType<typeof T>;`)!;
    expect(result.code).toContain("import { type DocumentType } from '../../gql';");
  });

  it('follows a renamed import', () => {
    const result = rewrite(`import { graphql as gql } from '../../gql/gql';\nexport const T = gql(\`${QUERY}\`);`)!;
    expect(result.code).toMatch(/export const T = __gql_ThingDocument\n*;/);
    expect(result.code).not.toContain('gql(');
  });

  it('leaves modules alone that do not import graphql from src/gql', () => {
    expect(rewrite("import { parse } from 'graphql';\nparse('{ a }');")).toBeNull();
    expect(rewrite("import { graphql } from 'some-other-package';\ngraphql(`{ a }`);")).toBeNull();
    expect(rewrite('const x = 1;')).toBeNull();
  });

  it.each([
    [
      'a template with ${…}',
      `import { graphql } from '../../gql';\nconst f = 'id';\nconst T = graphql(\`query Thing { thing { \${f} } }\`);`,
      /one template literal/,
    ],
    ['a string argument', `import { graphql } from '../../gql';\nconst T = graphql('query Thing { a }');`, /one template literal/],
    ['graphql passed as a value', `import { graphql } from '../../gql';\nconst make = graphql;\nconst T = make(\`${QUERY}\`);`, /used other than/],
    ['a document codegen has not seen', `import { graphql } from '../../gql';\nconst T = graphql(\`\n  query Other { a }\n\`);`, /pnpm generate/],
    ['a namespace import', `import * as gql from '../../gql';\nconst T = gql.graphql(\`${QUERY}\`);`, /import \* from src\/gql/],
  ])('fails loudly on %s', (_, code, message) => {
    expect(() => rewrite(code)).toThrow(GraphqlDocumentError);
    expect(() => rewrite(code)).toThrow(message);
  });
});

describe('the SPA as it is', () => {
  const generated = readGeneratedDocuments(gqlDir);
  const modules = (readdirSync(srcDir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => /\.tsx?$/.test(f) && !f.startsWith('gql') && !f.includes('.test.'))
    .map((f) => path.join(srcDir, f));

  it('rewrites every graphql(`…`) call in src/ to the document the runtime graphql() returns', () => {
    let calls = 0;
    for (const module of modules) {
      const code = readFileSync(module, 'utf8');
      const result = rewriteGraphqlCalls(code, module, gqlDir, generated);
      const templates = [...code.matchAll(/\bgraphql\(`([^`]*)`\)/g)].map((m) => m[1]!);
      if (!result) {
        expect(templates, module).toEqual([]);
        continue;
      }
      expect(result.code, module).not.toMatch(/\bgraphql\(/);
      for (const source of templates) {
        const name = generated.nameBySource.get(source)!;
        expect(result.documents, module).toContain(name);
        // The build's document is the very object the runtime map hands out (what unit tests use).
        expect(JSON.parse(generated.jsonByName.get(name)!), `${module}: ${name}`).toEqual(graphql(source as never));
        calls++;
      }
    }
    expect(calls).toBe(generated.nameBySource.size);
  });
});
