import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unscoped } from './unscoped.js';

const SRC = path.resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'migrations' ? [] : sources(full);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('unscoped(reason): the one way past the organisation filter', () => {
  it('turns the filter off for one query', () => {
    expect(unscoped('sign-in')).toEqual({ filters: false });
  });

  it('is the only place in the server that writes `filters: false`', () => {
    const bare = sources(SRC)
      .filter((f) => path.relative(SRC, f) !== path.join('common', 'unscoped.ts'))
      .filter((f) => /filters:\s*false/.test(readFileSync(f, 'utf8')))
      .map((f) => path.relative(SRC, f));
    expect(bare).toEqual([]);
  });
});
