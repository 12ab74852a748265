import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import { parse } from 'yaml';

/** The spec copies shipped in packages/xero-emulator/spec (Xero-OpenAPI 16.1.0, see spec/SOURCE.txt). */
export const SPEC_DIR = fileURLToPath(new URL('../../spec/', import.meta.url));

export type XeroSchemaName = 'Contacts' | 'Organisations' | 'Error' | 'Connections' | 'WebhookEvent' | 'AccessToken';

interface SchemaDoc {
  components: { schemas: Record<string, unknown> };
}

function loadComponents(file: string): SchemaDoc {
  const doc = parse(readFileSync(`${SPEC_DIR}${file}`, 'utf8')) as SchemaDoc;
  return { components: { schemas: doc.components.schemas } };
}

/** Adds additionalProperties:false to every object schema that lists properties (for "no invented fields" checks). */
function closeObjects(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closeObjects);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = key === 'example' ? value : closeObjects(value);
  if (typeof out.properties === 'object' && out.properties !== null && out.additionalProperties === undefined && out.allOf === undefined) {
    out.additionalProperties = false;
  }
  return out;
}

function makeAjv(closed: boolean): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  // Xero's own examples use zone-less date-times (connections, webhook eventDateUtc), so the zone is optional.
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})?$/i);
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\/\/\S+$/i);
  ajv.addFormat('email', /^\S+@\S+$/);
  for (const name of ['double', 'float', 'int32', 'int64', 'byte', 'binary', 'password']) ajv.addFormat(name, true);
  const accounting = loadComponents('xero_accounting.yaml');
  const identity = loadComponents('xero-identity.yaml');
  const webhooks = loadComponents('xero-webhooks.yaml');
  ajv.addSchema({ $id: 'accounting', ...(closed ? (closeObjects(accounting) as object) : accounting) });
  ajv.addSchema({ $id: 'identity', ...(closed ? (closeObjects(identity) as object) : identity) });
  ajv.addSchema({ $id: 'webhooks', ...(closed ? (closeObjects(webhooks) as object) : webhooks) });
  return ajv;
}

const REFS: Record<XeroSchemaName, object> = {
  Contacts: { $ref: 'accounting#/components/schemas/Contacts' },
  Organisations: { $ref: 'accounting#/components/schemas/Organisations' },
  Error: { $ref: 'accounting#/components/schemas/Error' },
  Connections: { type: 'array', items: { $ref: 'identity#/components/schemas/Connection' } },
  WebhookEvent: { $ref: 'webhooks#/components/schemas/WebhookEvent' },
  AccessToken: { $ref: 'identity#/components/schemas/AccessToken' },
};

const ENVELOPE_KEYS = ['Id', 'Status', 'ProviderName', 'DateTimeUTC'];

/**
 * Validates a JSON body the emulator returned against Xero's OpenAPI schemas (refs resolved into
 * components). `closed: true` also rejects properties the spec does not declare.
 */
export class XeroSchemaValidator {
  private readonly ajv: { open: Ajv; closed: Ajv | undefined } = { open: makeAjv(false), closed: undefined };
  private readonly cache = new Map<string, ValidateFunction>();

  errors(name: XeroSchemaName, body: unknown, options: { closed?: boolean } = {}): string[] {
    const closed = options.closed === true;
    const key = `${name}:${closed}`;
    let validate = this.cache.get(key);
    if (!validate) {
      const ajv = closed ? (this.ajv.closed ??= makeAjv(true)) : this.ajv.open;
      validate = ajv.compile(REFS[name]);
      this.cache.set(key, validate);
    }
    let subject = body;
    if (typeof body === 'object' && body !== null && !Array.isArray(body) && ENVELOPE_KEYS.every((k) => k in body)) {
      // The envelope (Id, Status, ProviderName, DateTimeUTC) is not part of the schemas.
      const rest: Record<string, unknown> = { ...(body as Record<string, unknown>) };
      for (const k of ENVELOPE_KEYS) delete rest[k];
      subject = rest;
    }
    if (validate(subject)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  }

  assert(name: XeroSchemaName, body: unknown, options: { closed?: boolean } = {}): void {
    const errors = this.errors(name, body, options);
    if (errors.length > 0) throw new Error(`Body does not match Xero's ${name} schema:\n${errors.slice(0, 20).join('\n')}`);
  }
}

let shared: XeroSchemaValidator | undefined;
export function xeroSchemas(): XeroSchemaValidator {
  shared ??= new XeroSchemaValidator();
  return shared;
}

/**
 * Validates any JSON body the emulator (or Xero) returned, choosing the schema from the path and status:
 * Contacts / Organisations / Error under /api.xro/2.0, Connections for GET /connections, AccessToken for
 * /connect/token. Bodies the specs do not describe (problem-details 401/403, token errors) are skipped.
 * Elements with StatusAttributeString ERROR echo the rejected input, so only their envelope is checked.
 * Returns the schema used, or undefined when skipped.
 */
export function assertXeroResponse(method: string, url: string, status: number, body: unknown): XeroSchemaName | undefined {
  if (body === undefined || body === null || typeof body !== 'object') return undefined;
  const path = new URL(url, 'http://x').pathname.toLowerCase();
  const validator = xeroSchemas();
  if (path.startsWith('/api.xro/2.0/')) {
    const record = body as Record<string, unknown>;
    // Every Accounting 400 is in the spec's Error shape (a problem-details body would fail: Type is a string there).
    if (typeof record.ErrorNumber === 'number' || status === 400) {
      validator.assert('Error', body);
      return 'Error';
    }
    if (status !== 200) return undefined;
    if (path.startsWith('/api.xro/2.0/organisation')) {
      validator.assert('Organisations', body, { closed: true });
      return 'Organisations';
    }
    if (path.startsWith('/api.xro/2.0/contacts')) {
      const contacts = Array.isArray(record.Contacts) ? (record.Contacts as Array<Record<string, unknown>>) : [];
      validator.assert('Contacts', { ...record, Contacts: contacts.filter((c) => c.StatusAttributeString !== 'ERROR') }, { closed: true });
      return 'Contacts';
    }
    return undefined;
  }
  if (path === '/connections' && method.toUpperCase() === 'GET' && status === 200) {
    validator.assert('Connections', body, { closed: true });
    return 'Connections';
  }
  if (path === '/connect/token' && status === 200) {
    validator.assert('AccessToken', body);
    return 'AccessToken';
  }
  return undefined;
}
