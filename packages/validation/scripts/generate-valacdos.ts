/** Regenerates src/valacdos.ts from VocaLink's published files in data/vocalink/ (see valacdos-source.ts). */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderValacdos, VOCALINK } from './valacdos-source.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const text = renderValacdos({
  valacdos: readFileSync(root + VOCALINK.valacdosFile, 'utf8'),
  scsubtab: readFileSync(root + VOCALINK.scsubtabFile, 'utf8'),
  version: VOCALINK.version,
  source: VOCALINK.source,
});
writeFileSync(root + 'src/valacdos.ts', text);
console.log('src/valacdos.ts regenerated');
