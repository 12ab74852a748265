import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseSync, type Plugin } from 'vite';

/**
 * Document extraction for codegen's client preset, as a Vite plugin (docs/decisions/2026-11-30-graphql-documents.md).
 *
 * `graphql(`…`)` from src/gql looks its document up in one generated map of every document in the SPA, so
 * every page would load all of them. At build time this plugin replaces each call with an import of that one
 * document, each from a module of its own (`virtual:graphql-document/<Name>`), so a document lands in the
 * chunk of the code that uses it. The document is the one codegen wrote to src/gql/graphql.ts, looked up
 * exactly as the runtime `graphql()` does (by the template's text in src/gql/gql.ts), so the build and the
 * tests (which run the runtime function) use the same object. Anything it cannot rewrite fails the build.
 */

const VIRTUAL_PREFIX = 'virtual:graphql-document/';
const RESOLVED_PREFIX = '\0graphql-document:';

export interface GeneratedDocuments {
  /** The template's text (as the runtime map keys it) → the export's name in graphql.ts. */
  nameBySource: Map<string, string>;
  /** Export name → the document as JSON text. */
  jsonByName: Map<string, string>;
}

export class GraphqlDocumentError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'GraphqlDocumentError';
  }
}

/** Reads the client preset's output: the map in gql.ts and the documents in graphql.ts. */
export function readGeneratedDocuments(gqlDir: string): GeneratedDocuments {
  const gqlTs = readFileSync(path.join(gqlDir, 'gql.ts'), 'utf8');
  const graphqlTs = readFileSync(path.join(gqlDir, 'graphql.ts'), 'utf8');

  const nameBySource = new Map<string, string>();
  const block = /\nconst documents: Documents = \{\n([\s\S]*?)\n\};\n/.exec(gqlTs)?.[1];
  if (block === undefined) throw new Error(`${gqlDir}/gql.ts has no "const documents" map: has the client preset's output changed?`);
  for (const line of block.split('\n')) {
    const entry = /^\s*("(?:[^"\\]|\\.)*"): types\.(\w+),?$/.exec(line);
    if (!entry) throw new Error(`Unexpected line in ${gqlDir}/gql.ts's document map: ${line.slice(0, 80)}`);
    nameBySource.set(JSON.parse(entry[1]!) as string, entry[2]!);
  }

  const jsonByName = new Map<string, string>();
  for (const match of graphqlTs.matchAll(/^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*$/gm)) {
    jsonByName.set(match[1]!, match[2]!);
  }
  for (const name of nameBySource.values()) {
    if (!jsonByName.has(name)) throw new Error(`${gqlDir}/graphql.ts has no document ${name}: run \`pnpm generate\``);
  }
  return { nameBySource, jsonByName };
}

/** The import specifier of one document's module. */
export function documentModuleId(name: string): string {
  return VIRTUAL_PREFIX + name;
}

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

function walk(node: Node, visit: (node: Node, parent: Node | undefined) => void, parent?: Node): void {
  visit(node, parent);
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent') continue;
    if (Array.isArray(value)) {
      for (const child of value) if (isNode(child)) walk(child, visit, node);
    } else if (isNode(value)) {
      walk(value, visit, node);
    }
  }
}

/** Blank text of the same number of lines, so every line after a replacement keeps its number. */
const keepLines = (replaced: string, replacement: string) => replacement + '\n'.repeat(replaced.split('\n').length - 1);

/**
 * Rewrites one module: every call of src/gql's `graphql` becomes a reference to its document's own module,
 * and the `graphql` import goes. Returns null when the module does not import `graphql` from src/gql.
 */
export function rewriteGraphqlCalls(code: string, file: string, gqlDir: string, generated: GeneratedDocuments): { code: string; documents: string[] } | null {
  if (!code.includes('graphql')) return null;
  const lang = file.endsWith('.tsx') ? 'tsx' : file.endsWith('.ts') ? 'ts' : file.endsWith('.jsx') ? 'jsx' : 'js';
  const parsed = parseSync(file, code, { lang, sourceType: 'module' });
  if (parsed.errors.length > 0) return null; // Vite's own transform reports the syntax error.
  const program = parsed.program as unknown as Node;

  const fromGql = (source: string) => {
    if (!source.startsWith('.')) return false;
    const target = path.resolve(path.dirname(file), source).replace(/\.(ts|js)$/, '');
    return target === gqlDir || target === path.join(gqlDir, 'index') || target === path.join(gqlDir, 'gql');
  };

  // The import of `graphql` from src/gql, and the name it has here.
  let importDeclaration: Node | undefined;
  let importSpecifier: Node | undefined;
  for (const statement of program.body as Node[]) {
    if (statement.type !== 'ImportDeclaration' || !fromGql((statement.source as { value: string }).value)) continue;
    for (const specifier of statement.specifiers as Node[]) {
      const imported = specifier.imported as { name?: string; value?: string } | undefined;
      if (specifier.type === 'ImportSpecifier' && (imported?.name ?? imported?.value) === 'graphql' && specifier.importKind !== 'type') {
        importDeclaration = statement;
        importSpecifier = specifier;
      } else if (specifier.type === 'ImportNamespaceSpecifier') {
        throw new GraphqlDocumentError('import * from src/gql cannot be rewritten: import { graphql } instead', file, specifier.start);
      }
    }
  }
  if (!importDeclaration || !importSpecifier) return null;
  const localName = (importSpecifier.local as { name: string }).name;

  const edits: { start: number; end: number; text: string }[] = [];
  const documents = new Set<string>();
  const rewrittenCallees = new Set<Node>();
  walk(program, (node) => {
    if (node.type !== 'CallExpression') return;
    const callee = node.callee as Node;
    if (callee.type !== 'Identifier' || callee.name !== localName) return;
    const args = node.arguments as Node[];
    const template = args[0];
    if (args.length !== 1 || template?.type !== 'TemplateLiteral' || (template.expressions as Node[]).length > 0) {
      throw new GraphqlDocumentError(`${localName}() takes one template literal without \${…}; this call cannot be rewritten`, file, node.start);
    }
    const source = (template.quasis as { value: { cooked: string | null } }[])[0]!.value.cooked ?? '';
    const name = generated.nameBySource.get(source);
    if (name === undefined) {
      throw new GraphqlDocumentError('this document is not in src/gql (stale generated files?): run `pnpm generate`', file, node.start);
    }
    documents.add(name);
    rewrittenCallees.add(callee);
    edits.push({ start: node.start, end: node.end, text: keepLines(code.slice(node.start, node.end), `__gql_${name}`) });
  });

  // Any other use of `graphql` (passed around, re-exported…) would need the runtime map: refuse it.
  walk(program, (node, parent) => {
    if (node.type !== 'Identifier' || node.name !== localName || node === importSpecifier!.local || rewrittenCallees.has(node)) return;
    // A property key or member name that merely reads "graphql" is not the binding.
    if (parent?.type === 'MemberExpression' && parent.property === node && !parent.computed) return;
    if (parent?.type === 'Property' && parent.key === node && !parent.computed && !parent.shorthand) return;
    if (parent?.type === 'ImportSpecifier' && parent.imported === node) return;
    throw new GraphqlDocumentError(`${localName} is used other than as ${localName}(\`…\`); this use cannot be rewritten`, file, node.start);
  });

  // The import loses `graphql` (and goes, if that was all it brought).
  const kept = (importDeclaration.specifiers as Node[]).filter((s) => s !== importSpecifier).map((s) => code.slice(s.start, s.end));
  const declarationText = code.slice(importDeclaration.start, importDeclaration.end);
  const source = code.slice((importDeclaration.source as Node).start, (importDeclaration.source as Node).end);
  const importKind = importDeclaration.importKind === 'type' ? 'type ' : '';
  edits.push({
    start: importDeclaration.start,
    end: importDeclaration.end,
    text: keepLines(declarationText, kept.length > 0 ? `import ${importKind}{ ${kept.join(', ')} } from ${source};` : ''),
  });

  let rewritten = code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    rewritten = rewritten.slice(0, edit.start) + edit.text + rewritten.slice(edit.end);
  }
  // Imports are hoisted, so they can follow the code; added at the end, they move no line.
  const names = [...documents].sort();
  rewritten += names.map((name) => `\nimport { ${name} as __gql_${name} } from ${JSON.stringify(documentModuleId(name))};`).join('');
  return { code: rewritten, documents: names };
}

/** The Vite plugin. `gqlDir` is the client preset's output folder (src/gql). */
export function graphqlDocuments(options: { gqlDir: string }): Plugin {
  const gqlDir = path.resolve(options.gqlDir);
  let cached: { stamp: string; documents: GeneratedDocuments } | undefined;
  const generated = () => {
    const stamp = ['gql.ts', 'graphql.ts'].map((f) => statSync(path.join(gqlDir, f)).mtimeMs).join(':');
    if (cached?.stamp !== stamp) cached = { stamp, documents: readGeneratedDocuments(gqlDir) };
    return cached.documents;
  };

  return {
    name: 'vouch:graphql-documents',
    enforce: 'pre',
    resolveId(id) {
      return id.startsWith(VIRTUAL_PREFIX) ? RESOLVED_PREFIX + id.slice(VIRTUAL_PREFIX.length) : null;
    },
    load(id) {
      if (!id.startsWith(RESOLVED_PREFIX)) return null;
      const name = id.slice(RESOLVED_PREFIX.length);
      const json = generated().jsonByName.get(name);
      if (json === undefined) this.error(`No generated document ${name} in ${gqlDir}/graphql.ts: run \`pnpm generate\``);
      this.addWatchFile(path.join(gqlDir, 'graphql.ts'));
      return `export const ${name} = ${json};\n`;
    },
    transform(code, id) {
      const file = id.split('?')[0]!;
      if (!/\.[jt]sx?$/.test(file) || file.includes('/node_modules/') || file.startsWith(gqlDir + path.sep)) return null;
      try {
        const result = rewriteGraphqlCalls(code, file, gqlDir, generated());
        if (!result) return null;
        this.addWatchFile(path.join(gqlDir, 'gql.ts'));
        return { code: result.code, map: null };
      } catch (error) {
        if (error instanceof GraphqlDocumentError) {
          const before = code.slice(0, error.offset).split('\n');
          this.error(`${path.relative(process.cwd(), file)}:${before.length}:${before.at(-1)!.length + 1}: ${error.message}`);
        }
        throw error;
      }
    },
  };
}
