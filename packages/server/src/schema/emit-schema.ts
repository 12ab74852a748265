// Writes the sorted schema to the repository root (no database needed): `pnpm generate`.
import { buildVouchSchema, SCHEMA_FILE } from './build-schema.js';

await buildVouchSchema(undefined, SCHEMA_FILE);
console.log(`Wrote ${SCHEMA_FILE}`);
