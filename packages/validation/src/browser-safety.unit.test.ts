import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * This module is bundled for the browser: its sources may import only each other (and the few browser-safe
 * libraries listed here) and use no Node globals.
 */
const LIBRARIES = new Set(['ibantools']);
const dir = fileURLToPath(new URL('.', import.meta.url));
const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

describe('validation module is browser-safe', () => {
  it('has the expected source files', () => {
    expect(sources).toContain('index.ts');
    expect(sources.length).toBeGreaterThanOrEqual(10);
  });

  it.each(sources)('%s imports only sibling modules with .js suffixes, or a listed browser-safe library', (file) => {
    const text = readFileSync(dir + file, 'utf8');
    const specifiers = [...text.matchAll(/\bfrom\s+'([^']+)'/g)].map((m) => m[1]!);
    for (const spec of specifiers.filter((s) => !LIBRARIES.has(s))) expect(spec).toMatch(/^\.\/[a-z0-9-]+\.js$/);
    expect(text).not.toMatch(/\b(require\(|Buffer\b|process\.|__dirname|node:|import\.meta)/);
    expect(text).not.toMatch(/^\s*@\w+\(/m); // no decorators
  });

  it('index.ts re-exports every source file', () => {
    const index = readFileSync(`${dir}index.ts`, 'utf8');
    for (const file of sources.filter((f) => f !== 'index.ts')) expect(index).toContain(`'./${file.replace(/\.ts$/, '.js')}'`);
  });
});
