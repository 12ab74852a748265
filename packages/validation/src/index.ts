/**
 * Supplier details validation: pure, no I/O, safe to bundle for the browser.
 * Server: final check before saving. Browser: checks as the supplier types.
 */
export * from './result.js';
export * from './valacdos.js';
export * from './modulus.js';
export * from './uk-bank-account.js';
export * from './iban.js';
export * from './bic.js';
export * from './countries.js';
export * from './au-bank-account.js';
export * from './nz-bank-account.js';
export * from './us-bank-account.js';
export * from './text-fields.js';
export * from './payment-details.js';
export * from './uk-tax-ids.js';
export * from './contact.js';
