export { driveConsent } from './consent.js';
export type { ConsentOutcome, DriveConsentOptions } from './consent.js';
export { SPEC_DIR, XeroSchemaValidator, assertXeroResponse, xeroSchemas } from './openapi.js';
export type { XeroSchemaName } from './openapi.js';
export { createXeroClientForEmulator, redirectXeroHosts, xeroNodeAxios, xeroNodeOpenIdClient } from './xero-node.js';
export type { EmulatorUrls, EmulatorXeroClientConfig } from './xero-node.js';
