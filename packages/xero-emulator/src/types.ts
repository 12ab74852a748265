/** Xero's Contact shapes (PascalCase, as on the wire). See xero_accounting.yaml components.schemas. */
export type ContactStatus = 'ACTIVE' | 'ARCHIVED' | 'GDPRREQUEST';
export type PhoneType = 'DEFAULT' | 'DDI' | 'MOBILE' | 'FAX' | 'OFFICE';
export type AddressType = 'POBOX' | 'STREET';
export type LineAmountType = 'INCLUSIVE' | 'EXCLUSIVE' | 'NONE';
export type PaymentTermType = 'DAYSAFTERBILLDATE' | 'DAYSAFTERBILLMONTH' | 'OFCURRENTMONTH' | 'OFFOLLOWINGMONTH';

export interface Address {
  AddressType: AddressType;
  AddressLine1?: string;
  AddressLine2?: string;
  AddressLine3?: string;
  AddressLine4?: string;
  City?: string;
  Region?: string;
  PostalCode?: string;
  Country?: string;
  AttentionTo?: string;
}

export interface Phone {
  PhoneType: PhoneType;
  PhoneNumber?: string;
  PhoneAreaCode?: string;
  PhoneCountryCode?: string;
}

export interface ContactPerson {
  FirstName?: string;
  LastName?: string;
  EmailAddress?: string;
  IncludeInEmails?: boolean;
}

export interface PaymentTermPart {
  Day?: number;
  Type?: PaymentTermType;
}

export interface PaymentTerms {
  Bills?: PaymentTermPart;
  Sales?: PaymentTermPart;
}

export interface Balances {
  AccountsReceivable?: { Outstanding?: number; Overdue?: number };
  AccountsPayable?: { Outstanding?: number; Overdue?: number };
}

export interface BatchPayments {
  BankAccountNumber?: string;
  BankAccountName?: string;
  Details?: string;
  Code?: string;
  Reference?: string;
}

export interface TrackingCategoryRef {
  TrackingCategoryName?: string;
  TrackingOptionName?: string;
}

/** A contact as the emulator stores it (UpdatedDateUTC is rendered from the stored epoch ms). */
export interface Contact {
  ContactID: string;
  ContactNumber?: string;
  AccountNumber?: string;
  ContactStatus: ContactStatus;
  Name: string;
  FirstName?: string;
  LastName?: string;
  CompanyNumber?: string;
  EmailAddress?: string;
  BankAccountDetails?: string;
  TaxNumber?: string;
  TaxNumberType?: 'SSN' | 'EIN' | 'ITIN' | 'ATIN';
  AccountsReceivableTaxType?: string;
  AccountsPayableTaxType?: string;
  Addresses: Address[];
  Phones: Phone[];
  UpdatedDateUTC: string;
  IsSupplier: boolean;
  IsCustomer: boolean;
  DefaultCurrency?: string;
  XeroNetworkKey?: string;
  SalesDefaultAccountCode?: string;
  PurchasesDefaultAccountCode?: string;
  SalesDefaultLineAmountType?: LineAmountType;
  PurchasesDefaultLineAmountType?: LineAmountType;
  SalesTrackingCategories?: TrackingCategoryRef[];
  PurchasesTrackingCategories?: TrackingCategoryRef[];
  PaymentTerms?: PaymentTerms;
  BatchPayments?: BatchPayments;
  ContactPersons: ContactPerson[];
  Website?: string;
  Discount?: number;
  Balances?: Balances;
  MergedToContactID?: string;
}

/** Fields the API accepts on PUT/POST (everything else on the element is read-only and ignored). */
export const WRITABLE_CONTACT_FIELDS = [
  'ContactNumber',
  'AccountNumber',
  'ContactStatus',
  'Name',
  'FirstName',
  'LastName',
  'CompanyNumber',
  'EmailAddress',
  'BankAccountDetails',
  'TaxNumber',
  'TaxNumberType',
  'AccountsReceivableTaxType',
  'AccountsPayableTaxType',
  'Addresses',
  'Phones',
  'DefaultCurrency',
  'XeroNetworkKey',
  'SalesDefaultAccountCode',
  'PurchasesDefaultAccountCode',
  'SalesDefaultLineAmountType',
  'PurchasesDefaultLineAmountType',
  'SalesTrackingCategories',
  'PurchasesTrackingCategories',
  'PaymentTerms',
  'BatchPayments',
  'ContactPersons',
] as const;
export type WritableContactField = (typeof WRITABLE_CONTACT_FIELDS)[number];
export type ContactInput = Partial<Pick<Contact, WritableContactField>> & { ContactID?: string };

export interface App {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  webhookUrl?: string;
  webhookKey?: string;
  name: string;
  /** Custom connection: the one organisation a client_credentials token reaches. */
  customConnectionTenantId?: string;
  customConnectionScopes?: string[];
  webhooksDisabled: boolean;
}

export interface User {
  userId: string;
  /** The id_token/access token `sub` (Xero uses a different guid from xero_userid). */
  sub: string;
  email: string;
  password: string;
  givenName: string;
  familyName: string;
}

export interface Organisation {
  tenantId: string;
  name: string;
  shortCode: string;
  countryCode: string;
  baseCurrency: string;
  createdMs: number;
  userIds: Set<string>;
}

export interface Connection {
  id: string;
  clientId: string;
  userId: string;
  tenantId: string;
  authEventId: string;
  createdMs: number;
  updatedMs: number;
}

/** One consent (authorization) of a user for an app: owns one rotating refresh-token family. */
export interface Grant {
  grantId: string;
  clientId: string;
  userId: string | undefined;
  scopes: string[];
  authEventId: string;
  authTimeMs: number;
  sessionId: string;
  revoked: boolean;
  /** Custom connections (client_credentials) carry their tenant here. */
  customTenantId?: string;
}

export interface RateLimits {
  concurrent: number;
  perMinute: number;
  perDay: number;
  appPerMinute: number;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  status: number;
  body?: unknown;
  at: number;
}
