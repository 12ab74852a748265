import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ORGANISATION_FILTER } from '../accounts/org-owned.entity.js';
import { entities, orgOwnedEntities } from './entities.js';
import { migrationsList } from './migrations/index.js';

export function ormConfig(clientUrl: string, overrides: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl,
    entities,
    extensions: [Migrator],
    debug: false,
    allowGlobalContext: false,
    forceUtcTimezone: true,
    pool: { min: 0, max: 10 },
    // Hand-written functions (the limiter's `xero_rate_limit_acquire`) live in their migrations; the schema diff
    // leaves routines alone. (Trigger functions are still managed, through the entities' triggers.)
    schemaGenerator: { ignoreRoutines: true },
    filters: {
      // Organisation scoping, fail-closed: enabled by default with a required argument, so any read of an
      // org-owned entity without em.setFilterParams(ORGANISATION_FILTER, { id }) throws.
      [ORGANISATION_FILTER]: {
        cond: (args: { id: string }) => ({ organisation: args.id }),
        entity: orgOwnedEntities.map((e) => e.name),
        default: true,
      },
    },
    migrations: {
      tableName: 'mikro_orm_migrations',
      silent: true,
      path: new URL('./migrations', import.meta.url).pathname,
      migrationsList,
      snapshot: false,
      transactional: true,
      allOrNothing: true,
      emit: 'ts',
    },
    ...overrides,
  });
}
