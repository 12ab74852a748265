import type { EmulatorControl } from './control.js';

/** Vouch's local defaults (also used by `pnpm start` when no real Xero credentials are set). */
export const DEMO = {
  clientId: 'vouch-local-client',
  clientSecret: 'vouch-local-secret',
  redirectUris: ['http://localhost:4000/xero/callback', 'http://127.0.0.1:4000/xero/callback'],
  webhookUrl: 'http://localhost:4000/webhooks/xero',
  webhookKey: 'vouch-local-webhook-key',
  appName: 'Vouch (local)',
  userEmail: 'demo@xero.example',
  userPassword: 'demo-password',
  userName: 'Demo User',
  organisations: [
    { name: 'Demo Trading Ltd', tenantId: 'a3f0c7e2-5b1d-4c8e-9f2a-1d6b8e4c2a01', shortCode: '!dTrd1', countryCode: 'NZ', contacts: 300, seed: 20261123 },
    { name: 'Sample Bakery Co', tenantId: 'b7e4d1c9-2a6f-4e3b-8c5d-9a1f7e3b6c02', shortCode: '!sBak2', countryCode: 'NZ', contacts: 240, seed: 20261124 },
  ],
} as const;

export function seedDemo(control: EmulatorControl): void {
  control.createUser({ email: DEMO.userEmail, password: DEMO.userPassword, name: DEMO.userName });
  for (const org of DEMO.organisations) {
    control.createOrganisation({
      name: org.name,
      tenantId: org.tenantId,
      shortCode: org.shortCode,
      countryCode: org.countryCode,
      userEmails: [DEMO.userEmail],
    });
    control.seedContacts(org.tenantId, { count: org.contacts, seed: org.seed });
  }
  control.registerApp({
    clientId: DEMO.clientId,
    clientSecret: DEMO.clientSecret,
    redirectUris: [...DEMO.redirectUris],
    webhookUrl: DEMO.webhookUrl,
    webhookKey: DEMO.webhookKey,
    name: DEMO.appName,
  });
}
