import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderValacdos, VOCALINK } from './valacdos-source.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('the VocaLink tables', () => {
  it('src/valacdos.ts is exactly what the published files generate (never hand-edited)', () => {
    const generated = renderValacdos({
      valacdos: readFileSync(root + VOCALINK.valacdosFile, 'utf8'),
      scsubtab: readFileSync(root + VOCALINK.scsubtabFile, 'utf8'),
      version: VOCALINK.version,
      source: VOCALINK.source,
    });
    expect(readFileSync(root + 'src/valacdos.ts', 'utf8')).toBe(generated);
  });

  it('refuses a line that is not in the published layout', () => {
    expect(() => renderValacdos({ valacdos: '010004 016715 MOD12 0 0 0 0 0 0 8 7 6 5 4 3 2 1', scsubtab: '', version: 'x', source: 'x' })).toThrow(/line 1/);
  });
});
