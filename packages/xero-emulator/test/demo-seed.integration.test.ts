import { describe, expect, it } from 'vitest';
import { DEMO, startXeroEmulator } from '../src/index.js';
import { driveConsent } from '../src/testing/consent.js';

describe('demo seed', () => {
  it("is deterministic and has Vouch's local app, user and two organisations with a realistic mix", async () => {
    const a = await startXeroEmulator({ seed: 'demo' });
    const b = await startXeroEmulator({ seed: 'demo' });
    try {
      expect(a.control.listOrganisations().map((o) => o.name)).toEqual(['Demo Trading Ltd', 'Sample Bakery Co']);
      const tenant = DEMO.organisations[0].tenantId;
      const contactsA = a.control.listContacts(tenant);
      const contactsB = b.control.listContacts(tenant);
      expect(contactsA.map((c) => c.ContactID)).toEqual(contactsB.map((c) => c.ContactID));
      expect(contactsA).toHaveLength(300);
      const kinds = {
        supplierOnly: contactsA.filter((c) => c.IsSupplier && !c.IsCustomer).length,
        customerOnly: contactsA.filter((c) => !c.IsSupplier && c.IsCustomer).length,
        both: contactsA.filter((c) => c.IsSupplier && c.IsCustomer).length,
        neither: contactsA.filter((c) => !c.IsSupplier && !c.IsCustomer).length,
        archived: contactsA.filter((c) => c.ContactStatus === 'ARCHIVED').length,
      };
      for (const count of Object.values(kinds)) expect(count).toBeGreaterThan(10);
      const url = `${a.identityUrl}/identity/connect/authorize?${new URLSearchParams({ client_id: DEMO.clientId, redirect_uri: DEMO.redirectUris[1], response_type: 'code', scope: 'openid accounting.contacts', state: 'x' }).toString()}`;
      const outcome = await driveConsent(url, { email: DEMO.userEmail, password: DEMO.userPassword, tenantNames: ['Sample Bakery Co'] });
      expect(outcome.callbackUrl?.startsWith('http://127.0.0.1:4000/xero/callback?code=')).toBe(true);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
