import { createHash, randomBytes } from 'node:crypto';
import { raw, UniqueConstraintViolationException, type EntityManager, type MikroORM } from '@mikro-orm/postgresql';
import { AppError, ValidationFailed } from '../common/app-error.js';
import { Role } from '../accounts/role.js';
import { User } from '../accounts/user.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Viewer } from '../accounts/viewer.js';
import { ApiKey, ApiKeyScope } from './api-key.entity.js';
import { unscoped } from '../common/unscoped.js';
import { isUuid } from '../common/ids.js';

const hash = (key: string) => createHash('sha256').update(key).digest('hex');

export class ApiKeyNotFound extends AppError {
  constructor() {
    super('NOT_FOUND', 'API_KEY_NOT_FOUND', 'That API key does not exist.');
  }
}

export class ApiKeyNameTaken extends AppError {
  constructor(name: string) {
    super('CONFLICT', 'API_KEY_NAME_TAKEN', `A key named “${name}” already exists. Choose another name, or revoke that key first.`, {
      fields: [{ field: 'name', message: `A key named “${name}” already exists: choose another name.` }],
    });
  }
}

export class ApiKeysService {
  constructor(private readonly orm: MikroORM) {}

  async create(
    em: EntityManager,
    viewer: Viewer,
    input: { name: string; scope: ApiKeyScope; canReadBankDetails: boolean },
  ): Promise<{ key: ApiKey; secret: string }> {
    const name = input.name.trim();
    if (!name || name.length > 100) throw new ValidationFailed([{ field: 'name', message: 'Name the key (up to 100 characters), e.g. “Payments bot”.' }]);
    // Live keys only: a revoked key's name may be used again. The unique index settles a race.
    const taken = await em.count(ApiKey, { [raw((alias) => `lower(${alias}.name)`)]: name.toLowerCase(), revokedAt: null });
    if (taken) throw new ApiKeyNameTaken(name);
    const secret = `vch_${randomBytes(32).toString('base64url')}`;
    const key = em.create(ApiKey, {
      organisation: viewer.organisationId,
      name,
      prefix: secret.slice(0, 12),
      keyHash: hash(secret),
      scope: input.scope,
      canReadBankDetails: input.canReadBankDetails,
      createdBy: viewer.userId,
    });
    await this.audit(
      em,
      viewer,
      'API_KEY_CREATED',
      (who) =>
        `${who} created the API key “${name}” (${input.scope === ApiKeyScope.READ_WRITE ? 'read and write' : 'read only'}${input.canReadBankDetails ? ', full bank details' : ''})`,
    );
    try {
      await em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw new ApiKeyNameTaken(name);
      throw error;
    }
    return { key, secret };
  }

  /** Organisation audit log: who made or revoked which key (never the key itself). */
  private async audit(em: EntityManager, viewer: Viewer, kind: string, summary: (who: string) => string): Promise<void> {
    const user = await em.findOne(User, { id: viewer.userId });
    recordAudit(em, {
      organisationId: viewer.organisationId,
      actor: { type: 'USER', id: viewer.userId, label: user?.name ?? 'Someone' },
      kind,
      summary: summary(user?.name ?? 'Someone'),
    });
  }

  async list(em: EntityManager): Promise<ApiKey[]> {
    return await em.find(ApiKey, {}, { orderBy: { createdAt: 'desc' } });
  }

  async revoke(em: EntityManager, viewer: Viewer, id: string): Promise<ApiKey> {
    const key = isUuid(id) ? await em.findOne(ApiKey, { id }) : null;
    if (!key) throw new ApiKeyNotFound();
    if (!key.revokedAt) await this.audit(em, viewer, 'API_KEY_REVOKED', (who) => `${who} revoked the API key “${key.name}” (${key.prefix}…)`);
    key.revokedAt ??= new Date();
    await em.flush();
    return key;
  }

  /**
   * The viewer a Bearer key acts as: its organisation, a role from its scope (READ → VIEWER, READ_WRITE →
   * APPROVER; keys never act as ADMIN), and whether bank numbers are shown. Marks it used (at most once a minute).
   */
  async viewerForKey(secret: string): Promise<Viewer | null> {
    if (!secret.startsWith('vch_') || secret.length > 100) return null;
    const em = this.orm.em.fork();
    const key = await em.findOne(ApiKey, { keyHash: hash(secret), revokedAt: null }, unscoped('sign-in'));
    if (!key) return null;
    if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > 60_000) {
      await em.nativeUpdate(ApiKey, { id: key.id }, { lastUsedAt: new Date() }, unscoped('sign-in'));
    }
    return {
      userId: key.createdBy,
      organisationId: key.organisation.id,
      role: key.scope === ApiKeyScope.READ_WRITE ? Role.APPROVER : Role.VIEWER,
      sessionId: `api-key:${key.id}`,
      apiKeyId: key.id,
      canReadBankDetails: key.canReadBankDetails,
    };
  }
}
