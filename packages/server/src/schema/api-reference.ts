// Writes docs/api-reference.md from the committed schema.graphql (`pnpm generate`; CI checks it is fresh).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
} from 'graphql';

const root = path.resolve(import.meta.dirname, '../../../..');
const schema = buildSchema(readFileSync(path.join(root, 'schema.graphql'), 'utf8'));
const out: string[] = [
  '# Vouch GraphQL API reference',
  '',
  'Generated from `schema.graphql` by `pnpm generate`; do not edit. See [api.md](api.md) to get started.',
  '',
];
const oneLine = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const args = (list: readonly GraphQLArgument[]) => (list.length ? `(${list.map((a) => `${a.name}: ${a.type.toString()}`).join(', ')})` : '');

function fields(title: string, list: readonly (GraphQLField<unknown, unknown> | GraphQLInputField)[]) {
  out.push(`## ${title}`, '', '| Field | Type | Description |', '| --- | --- | --- |');
  for (const f of list) out.push(`| \`${f.name}${'args' in f ? args(f.args) : ''}\` | \`${f.type.toString()}\` | ${oneLine(f.description)} |`);
  out.push('');
}

for (const [title, type] of [
  ['Queries', schema.getQueryType()],
  ['Mutations', schema.getMutationType()],
  ['Subscriptions', schema.getSubscriptionType()],
] as const) {
  if (type) fields(title, Object.values(type.getFields()));
}
out.push('## Types', '');
for (const type of Object.values(schema.getTypeMap())
  .filter((t) => !t.name.startsWith('__'))
  .sort((a, b) => a.name.localeCompare(b.name))) {
  if (['Query', 'Mutation', 'Subscription'].includes(type.name)) continue;
  if (isObjectType(type) || isInputObjectType(type)) {
    out.push(`### ${type.name}${isInputObjectType(type) ? ' (input)' : ''}`, '');
    if (type.description) out.push(oneLine(type.description), '');
    out.push('| Field | Type | Description |', '| --- | --- | --- |');
    for (const f of Object.values(type.getFields()))
      out.push(`| \`${f.name}${'args' in f ? args(f.args) : ''}\` | \`${f.type.toString()}\` | ${oneLine(f.description)} |`);
    out.push('');
  } else if (isEnumType(type)) {
    out.push(
      `### ${type.name} (enum)`,
      '',
      type.description ? `${oneLine(type.description)}\n` : '',
      type
        .getValues()
        .map((v) => `\`${v.name}\``)
        .join(' · '),
      '',
    );
  } else if (isScalarType(type) && !['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) {
    out.push(`### ${type.name} (scalar)`, '', oneLine(type.description), '');
  }
}
writeFileSync(
  path.join(root, 'docs/api-reference.md'),
  `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`,
);
console.log('Wrote docs/api-reference.md');
