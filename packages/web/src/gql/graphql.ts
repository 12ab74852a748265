/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AddressInput = {
  attentionTo?: string | null | undefined;
  city?: string | null | undefined;
  country?: string | null | undefined;
  line1?: string | null | undefined;
  line2?: string | null | undefined;
  line3?: string | null | undefined;
  line4?: string | null | undefined;
  postalCode?: string | null | undefined;
  region?: string | null | undefined;
  /** POBOX (postal) or STREET */
  type: string;
};

export type ContactPersonInput = {
  email?: string | null | undefined;
  firstName?: string | null | undefined;
  lastName?: string | null | undefined;
};

export type ImportStatus =
  | 'DONE'
  | 'FAILED'
  | 'NOT_STARTED'
  | 'RUNNING';

/** LOCKED: too many wrong codes; the buyer was told and can resend. */
export type InviteStatus =
  | 'EXPIRED'
  | 'LOCKED'
  | 'OPENED'
  | 'REVOKED'
  | 'SENT'
  | 'SUBMITTED'
  | 'VERIFIED';

export type PaymentDetailsInput = {
  accountHolderName?: string | null | undefined;
  accountNumber?: string | null | undefined;
  bic?: string | null | undefined;
  bsb?: string | null | undefined;
  /** GB, AU, US, IBAN or OTHER */
  country: string;
  details?: string | null | undefined;
  iban?: string | null | undefined;
  routingNumber?: string | null | undefined;
  sortCode?: string | null | undefined;
};

export type PhoneInput = {
  areaCode?: string | null | undefined;
  countryCode?: string | null | undefined;
  number?: string | null | undefined;
  /** DEFAULT, MOBILE, DDI or FAX */
  type: string;
};

/** ADMIN does everything; APPROVER reviews and accepts changes; VIEWER reads. */
export type Role =
  | 'ADMIN'
  | 'APPROVER'
  | 'VIEWER';

export type SignInInput = {
  email: string;
  password: string;
};

export type SignUpInput = {
  email: string;
  name: string;
  organisationName: string;
  password: string;
};

export type SupplierDetailsInput = {
  addresses?: Array<AddressInput>;
  companyNumber?: string | null | undefined;
  contactPersons?: Array<ContactPersonInput>;
  /** Country of the business (ISO 3166 alpha-2), for tax/company number formats. */
  countryCode?: string | null | undefined;
  email?: string | null | undefined;
  firstName?: string | null | undefined;
  lastName?: string | null | undefined;
  name: string;
  /** Omit to keep the payment details as they are. */
  payment?: PaymentDetailsInput | null | undefined;
  phones?: Array<PhoneInput>;
  taxNumber?: string | null | undefined;
};

/** ARCHIVED mirrors an archived Xero contact. */
export type SupplierStatus =
  | 'ACTIVE'
  | 'ARCHIVED';

export type XeroConnectionStatus =
  | 'CONNECTED'
  | 'DISCONNECTED'
  | 'NEEDS_RECONNECT';

export type SignInMutationVariables = Exact<{
  input: SignInInput;
}>;


export type SignInMutation = { signIn: { user: { id: string, name: string, email: string, role: Role, organisation: { id: string, name: string } } } };

export type SignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type SignUpMutation = { signUp: { user: { id: string, name: string, email: string, role: Role, organisation: { id: string, name: string } } } };

export type CurrentUser_UserFragment = { id: string, name: string, email: string, role: Role, organisation: { id: string, name: string } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, name: string, email: string, role: Role, organisation: { id: string, name: string } } | null };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { signOut: boolean };

export type SupplierInviteQueryVariables = Exact<{
  token: string;
}>;


export type SupplierInviteQuery = { supplierInvite: { organisationName: string, supplierName: string, emailHint: string, status: InviteStatus, expiresAt: string, verified: boolean } };

export type SupplierDetailsQueryVariables = Exact<{
  token: string;
}>;


export type SupplierDetailsQuery = { supplierDetails: { organisationName: string, details: unknown, lastSubmittedAt: string | null } };

export type SubmitSupplierDetailsMutationVariables = Exact<{
  token: string;
  input: SupplierDetailsInput;
}>;


export type SubmitSupplierDetailsMutation = { submitSupplierDetails: { submittedAt: string, bankDetailsMasked: string | null } };

export type SendSupplierCodeMutationVariables = Exact<{
  token: string;
}>;


export type SendSupplierCodeMutation = { sendSupplierCode: { sentTo: string, devCode: string | null } };

export type VerifySupplierCodeMutationVariables = Exact<{
  token: string;
  code: string;
}>;


export type VerifySupplierCodeMutation = { verifySupplierCode: { organisationName: string } };

export type SupplierTable_SupplierFragment = { id: string, name: string, email: string | null, createdAt: string, status: SupplierStatus, hasBankDetailDrift: boolean };

export type SupplierListQueryVariables = Exact<{
  first: number;
}>;


export type SupplierListQuery = { suppliers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, email: string | null, createdAt: string, status: SupplierStatus, hasBankDetailDrift: boolean } }> } };

export type SupplierAddedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type SupplierAddedSubscription = { supplierAdded: { id: string, name: string, email: string | null, createdAt: string, status: SupplierStatus, hasBankDetailDrift: boolean } };

export type XeroConnectionCard_ConnectionFragment = { id: string, status: XeroConnectionStatus, tenantId: string, tenantName: string, connectedAt: string, lastSuccessfulPollAt: string | null, nextPollAt: string | null, lastError: string | null, importStatus: ImportStatus, apiHeadroom: { minuteRemaining: number | null, dayRemaining: number | null, appMinuteRemaining: number | null, observedAt: string } | null, importProgress: { pages: number, seen: number, created: number, skipped: number, archived: number } | null };

export type DisconnectXeroMutationVariables = Exact<{ [key: string]: never; }>;


export type DisconnectXeroMutation = { disconnectXero: { id: string, status: XeroConnectionStatus, tenantId: string, tenantName: string, connectedAt: string, lastSuccessfulPollAt: string | null, nextPollAt: string | null, lastError: string | null, importStatus: ImportStatus, apiHeadroom: { minuteRemaining: number | null, dayRemaining: number | null, appMinuteRemaining: number | null, observedAt: string } | null, importProgress: { pages: number, seen: number, created: number, skipped: number, archived: number } | null } };

export type XeroImportProgress_ConnectionFragment = { id: string, status: XeroConnectionStatus, importStatus: ImportStatus, importProgress: { pages: number, seen: number, created: number, skipped: number, archived: number } | null };

export type XeroTenantPicker_PendingFragment = { attemptId: string, expiresAt: string, lockedTenantId: string | null, tenants: Array<{ tenantId: string, tenantName: string, allowed: boolean }> };

export type PendingXeroConnectionQueryVariables = Exact<{
  attemptId: string | number;
}>;


export type PendingXeroConnectionQuery = { pendingXeroConnection: { attemptId: string, expiresAt: string, lockedTenantId: string | null, tenants: Array<{ tenantId: string, tenantName: string, allowed: boolean }> } };

export type ConfirmXeroTenantMutationVariables = Exact<{
  attemptId: string | number;
  tenantId: string;
}>;


export type ConfirmXeroTenantMutation = { confirmXeroTenant: { id: string, status: XeroConnectionStatus, tenantId: string, tenantName: string, connectedAt: string, lastSuccessfulPollAt: string | null, nextPollAt: string | null, lastError: string | null, importStatus: ImportStatus, apiHeadroom: { minuteRemaining: number | null, dayRemaining: number | null, appMinuteRemaining: number | null, observedAt: string } | null, importProgress: { pages: number, seen: number, created: number, skipped: number, archived: number } | null } };

export type StartXeroConnectionMutationVariables = Exact<{ [key: string]: never; }>;


export type StartXeroConnectionMutation = { startXeroConnection: { authorizeUrl: string } };

export type XeroConnectionQueryVariables = Exact<{ [key: string]: never; }>;


export type XeroConnectionQuery = { xeroConnection: { id: string, status: XeroConnectionStatus, tenantId: string, tenantName: string, connectedAt: string, lastSuccessfulPollAt: string | null, nextPollAt: string | null, lastError: string | null, importStatus: ImportStatus, apiHeadroom: { minuteRemaining: number | null, dayRemaining: number | null, appMinuteRemaining: number | null, observedAt: string } | null, importProgress: { pages: number, seen: number, created: number, skipped: number, archived: number } | null } | null };

export type XeroConnectionUpdatedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type XeroConnectionUpdatedSubscription = { xeroConnectionUpdated: { id: string, status: XeroConnectionStatus, tenantId: string, tenantName: string, connectedAt: string, lastSuccessfulPollAt: string | null, nextPollAt: string | null, lastError: string | null, importStatus: ImportStatus, apiHeadroom: { minuteRemaining: number | null, dayRemaining: number | null, appMinuteRemaining: number | null, observedAt: string } | null, importProgress: { pages: number, seen: number, created: number, skipped: number, archived: number } | null } };

export const CurrentUser_UserFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CurrentUser_user"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CurrentUser_UserFragment, unknown>;
export const SupplierTable_SupplierFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SupplierTable_supplier"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Supplier"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"hasBankDetailDrift"}}]}}]} as unknown as DocumentNode<SupplierTable_SupplierFragment, unknown>;
export const XeroImportProgress_ConnectionFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"XeroImportProgress_connection"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"XeroConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"importStatus"}},{"kind":"Field","name":{"kind":"Name","value":"importProgress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pages"}},{"kind":"Field","name":{"kind":"Name","value":"seen"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"archived"}}]}}]}}]} as unknown as DocumentNode<XeroImportProgress_ConnectionFragment, unknown>;
export const XeroConnectionCard_ConnectionFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"XeroConnectionCard_connection"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"XeroConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tenantId"}},{"kind":"Field","name":{"kind":"Name","value":"tenantName"}},{"kind":"Field","name":{"kind":"Name","value":"connectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessfulPollAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextPollAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"apiHeadroom"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minuteRemaining"}},{"kind":"Field","name":{"kind":"Name","value":"dayRemaining"}},{"kind":"Field","name":{"kind":"Name","value":"appMinuteRemaining"}},{"kind":"Field","name":{"kind":"Name","value":"observedAt"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"XeroImportProgress_connection"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"XeroImportProgress_connection"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"XeroConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"importStatus"}},{"kind":"Field","name":{"kind":"Name","value":"importProgress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pages"}},{"kind":"Field","name":{"kind":"Name","value":"seen"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"archived"}}]}}]}}]} as unknown as DocumentNode<XeroConnectionCard_ConnectionFragment, unknown>;
export const XeroTenantPicker_PendingFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"XeroTenantPicker_pending"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PendingXeroConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attemptId"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"lockedTenantId"}},{"kind":"Field","name":{"kind":"Name","value":"tenants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenantId"}},{"kind":"Field","name":{"kind":"Name","value":"tenantName"}},{"kind":"Field","name":{"kind":"Name","value":"allowed"}}]}}]}}]} as unknown as DocumentNode<XeroTenantPicker_PendingFragment, unknown>;
export const SignInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignInInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CurrentUser_user"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CurrentUser_user"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<SignInMutation, SignInMutationVariables>;
export const SignUpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignUpInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CurrentUser_user"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CurrentUser_user"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<SignUpMutation, SignUpMutationVariables>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CurrentUser_user"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CurrentUser_user"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const SignOutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signOut"}}]}}]} as unknown as DocumentNode<SignOutMutation, SignOutMutationVariables>;
export const SupplierInviteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SupplierInvite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"supplierInvite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisationName"}},{"kind":"Field","name":{"kind":"Name","value":"supplierName"}},{"kind":"Field","name":{"kind":"Name","value":"emailHint"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"verified"}}]}}]}}]} as unknown as DocumentNode<SupplierInviteQuery, SupplierInviteQueryVariables>;
export const SupplierDetailsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SupplierDetails"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"supplierDetails"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisationName"}},{"kind":"Field","name":{"kind":"Name","value":"details"}},{"kind":"Field","name":{"kind":"Name","value":"lastSubmittedAt"}}]}}]}}]} as unknown as DocumentNode<SupplierDetailsQuery, SupplierDetailsQueryVariables>;
export const SubmitSupplierDetailsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitSupplierDetails"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SupplierDetailsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitSupplierDetails"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"bankDetailsMasked"}}]}}]}}]} as unknown as DocumentNode<SubmitSupplierDetailsMutation, SubmitSupplierDetailsMutationVariables>;
export const SendSupplierCodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendSupplierCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendSupplierCode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sentTo"}},{"kind":"Field","name":{"kind":"Name","value":"devCode"}}]}}]}}]} as unknown as DocumentNode<SendSupplierCodeMutation, SendSupplierCodeMutationVariables>;
export const VerifySupplierCodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"VerifySupplierCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifySupplierCode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}},{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisationName"}}]}}]}}]} as unknown as DocumentNode<VerifySupplierCodeMutation, VerifySupplierCodeMutationVariables>;
export const SupplierListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SupplierList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suppliers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SupplierTable_supplier"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SupplierTable_supplier"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Supplier"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"hasBankDetailDrift"}}]}}]} as unknown as DocumentNode<SupplierListQuery, SupplierListQueryVariables>;
export const SupplierAddedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"SupplierAdded"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"supplierAdded"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SupplierTable_supplier"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SupplierTable_supplier"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Supplier"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"hasBankDetailDrift"}}]}}]} as unknown as DocumentNode<SupplierAddedSubscription, SupplierAddedSubscriptionVariables>;
export const DisconnectXeroDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DisconnectXero"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disconnectXero"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"XeroConnectionCard_connection"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"XeroImportProgress_connection"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"XeroConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"importStatus"}},{"kind":"Field","name":{"kind":"Name","value":"importProgress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pages"}},{"kind":"Field","name":{"kind":"Name","value":"seen"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"archived"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"XeroConnectionCard_connection"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"XeroConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tenantId"}},{"kind":"Field","name":{"kind":"Name","value":"tenantName"}},{"kind":"Field","name":{"kind":"Name","value":"connectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessfulPollAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextPollAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"apiHeadroom"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minuteRemaining"}},{"kind":"Field","name":{"kind":"Name","value":"dayRemaining"}},{"kind":"Field","name":{"kind":"Name","value":"appMinuteRemaining"}},{"kind":"Field","name":{"kind":"Name","value":"observedAt"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"XeroImportProgress_connection"}}]}}]} as unknown as DocumentNode<DisconnectXeroMutation, DisconnectXeroMutationVariables>;
export const PendingXeroConnectionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PendingXeroConnection"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"attemptId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pendingXeroConnection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"attemptId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"attemptId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"XeroTenantPicker_pending"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"XeroTenantPicker_pending"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PendingXeroConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attemptId"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"lockedTenantId"}},{"kind":"Field","name":{"kind":"Name","value":"tenants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenantId"}},{"kind":"Field","name":{"kind":"Name","value":"tenantName"}},{"kind":"Field","name":{"kind":"Name","value":"allowed"}}]}}]}}]} as unknown as DocumentNode<PendingXeroConnectionQuery, PendingXeroConnectionQueryVariables>;
export const ConfirmXeroTenantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmXeroTenant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"attemptId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenantId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmXeroTenant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"attemptId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"attemptId"}}},{"kind":"Argument","name":{"kind":"Name","value":"tenantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenantId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"XeroConnectionCard_connection"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"XeroImportProgress_connection"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"XeroConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"importStatus"}},{"kind":"Field","name":{"kind":"Name","value":"importProgress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pages"}},{"kind":"Field","name":{"kind":"Name","value":"seen"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"archived"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"XeroConnectionCard_connection"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"XeroConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tenantId"}},{"kind":"Field","name":{"kind":"Name","value":"tenantName"}},{"kind":"Field","name":{"kind":"Name","value":"connectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessfulPollAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextPollAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"apiHeadroom"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minuteRemaining"}},{"kind":"Field","name":{"kind":"Name","value":"dayRemaining"}},{"kind":"Field","name":{"kind":"Name","value":"appMinuteRemaining"}},{"kind":"Field","name":{"kind":"Name","value":"observedAt"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"XeroImportProgress_connection"}}]}}]} as unknown as DocumentNode<ConfirmXeroTenantMutation, ConfirmXeroTenantMutationVariables>;
export const StartXeroConnectionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartXeroConnection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startXeroConnection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authorizeUrl"}}]}}]}}]} as unknown as DocumentNode<StartXeroConnectionMutation, StartXeroConnectionMutationVariables>;
export const XeroConnectionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"XeroConnection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"xeroConnection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"XeroConnectionCard_connection"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"XeroImportProgress_connection"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"XeroConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"importStatus"}},{"kind":"Field","name":{"kind":"Name","value":"importProgress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pages"}},{"kind":"Field","name":{"kind":"Name","value":"seen"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"archived"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"XeroConnectionCard_connection"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"XeroConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tenantId"}},{"kind":"Field","name":{"kind":"Name","value":"tenantName"}},{"kind":"Field","name":{"kind":"Name","value":"connectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessfulPollAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextPollAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"apiHeadroom"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minuteRemaining"}},{"kind":"Field","name":{"kind":"Name","value":"dayRemaining"}},{"kind":"Field","name":{"kind":"Name","value":"appMinuteRemaining"}},{"kind":"Field","name":{"kind":"Name","value":"observedAt"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"XeroImportProgress_connection"}}]}}]} as unknown as DocumentNode<XeroConnectionQuery, XeroConnectionQueryVariables>;
export const XeroConnectionUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"XeroConnectionUpdated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"xeroConnectionUpdated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"XeroConnectionCard_connection"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"XeroImportProgress_connection"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"XeroConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"importStatus"}},{"kind":"Field","name":{"kind":"Name","value":"importProgress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pages"}},{"kind":"Field","name":{"kind":"Name","value":"seen"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"archived"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"XeroConnectionCard_connection"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"XeroConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tenantId"}},{"kind":"Field","name":{"kind":"Name","value":"tenantName"}},{"kind":"Field","name":{"kind":"Name","value":"connectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessfulPollAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextPollAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"apiHeadroom"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minuteRemaining"}},{"kind":"Field","name":{"kind":"Name","value":"dayRemaining"}},{"kind":"Field","name":{"kind":"Name","value":"appMinuteRemaining"}},{"kind":"Field","name":{"kind":"Name","value":"observedAt"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"XeroImportProgress_connection"}}]}}]} as unknown as DocumentNode<XeroConnectionUpdatedSubscription, XeroConnectionUpdatedSubscriptionVariables>;