import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { AccountsService } from './accounts/accounts.service.js';
import type { Config } from './config/env.js';
import { ORGANISATION_FILTER } from './db/orm.config.js';
import type { EventBus } from './graphql/pubsub.js';
import { SupplierService } from './suppliers/supplier.service.js';

export interface Services {
  config: Config;
  pubsub: EventBus;
  accounts: AccountsService;
  suppliers: SupplierService;
  /** A fresh EntityManager; pass an organisation id to bind the organisation filter to it. */
  em(organisationId?: string): EntityManager;
}

export function createServices(config: Config, orm: MikroORM, pubsub: EventBus): Services {
  return {
    config,
    pubsub,
    accounts: new AccountsService(config),
    suppliers: new SupplierService(),
    em(organisationId?: string) {
      const em = orm.em.fork();
      if (organisationId) em.setFilterParams(ORGANISATION_FILTER, { id: organisationId });
      return em;
    },
  };
}
