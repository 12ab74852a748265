/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment Attention_counts on Attention {\n    awaitingReview\n    awaitingReviewBankChanges\n    awaitingReviewHighRisk\n    failedSyncs\n    invitesLocked\n    invitesExpiringSoon\n    paymentHolds\n    countedAt\n    xero {\n      status\n      tenantName\n      needsAttention\n      lastError\n    }\n  }\n": typeof types.Attention_CountsFragmentDoc,
    "\n  query Attention {\n    attention {\n      ...Attention_counts\n    }\n  }\n": typeof types.AttentionDocument,
    "\n  subscription AttentionUpdated {\n    attentionUpdated {\n      ...Attention_counts\n    }\n  }\n": typeof types.AttentionUpdatedDocument,
    "\n  fragment ErrorExtensions_contract on ErrorExtensions {\n    code\n    reason\n    fields {\n      field\n      message\n    }\n    retryAfterSeconds\n    errorId\n  }\n": typeof types.ErrorExtensions_ContractFragmentDoc,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      otherSessionsEnded\n    }\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation ConfirmSignUp($token: String!) {\n    confirmSignUp(token: $token) {\n      user {\n        ...CurrentUser_user\n      }\n    }\n  }\n": typeof types.ConfirmSignUpDocument,
    "\n  query EmailVerified {\n    me {\n      id\n      emailVerified\n    }\n  }\n": typeof types.EmailVerifiedDocument,
    "\n  mutation SendEmailVerification {\n    sendEmailVerification\n  }\n": typeof types.SendEmailVerificationDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token)\n  }\n": typeof types.VerifyEmailDocument,
    "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) {\n      sentTo\n    }\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      email\n    }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  fragment SessionsSection_session on ActiveSession {\n    id\n    browser\n    ip\n    signedInAt\n    lastSeenAt\n    current\n  }\n": typeof types.SessionsSection_SessionFragmentDoc,
    "\n  query MySessions {\n    mySessions {\n      ...SessionsSection_session\n    }\n  }\n": typeof types.MySessionsDocument,
    "\n  mutation EndSession($id: ID!) {\n    endSession(id: $id)\n  }\n": typeof types.EndSessionDocument,
    "\n  mutation EndOtherSessions {\n    endOtherSessions\n  }\n": typeof types.EndOtherSessionsDocument,
    "\n  query OrganisationSettings {\n    me {\n      id\n      organisation {\n        id\n        requireSecondApproverForBankChanges\n        paymentHoldDays\n      }\n    }\n  }\n": typeof types.OrganisationSettingsDocument,
    "\n  mutation UpdateOrganisationSettings($requireSecondApproverForBankChanges: Boolean, $paymentHoldDays: Int) {\n    updateOrganisationSettings(requireSecondApproverForBankChanges: $requireSecondApproverForBankChanges, paymentHoldDays: $paymentHoldDays) {\n      id\n      requireSecondApproverForBankChanges\n      paymentHoldDays\n    }\n  }\n": typeof types.UpdateOrganisationSettingsDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        ...CurrentUser_user\n      }\n      secondFactor {\n        methods\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        ...CurrentUser_user\n      }\n      confirmationSentTo\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  fragment CurrentUser_user on User {\n    id\n    name\n    email\n    role\n    twoFactorEnrolmentRequired\n    organisation {\n      id\n      name\n    }\n  }\n": typeof types.CurrentUser_UserFragmentDoc,
    "\n  query Me {\n    me {\n      ...CurrentUser_user\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  fragment ApiKeysSection_apiKey on ApiKey {\n    id\n    name\n    prefix\n    scope\n    canReadBankDetails\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": typeof types.ApiKeysSection_ApiKeyFragmentDoc,
    "\n  query ApiKeys {\n    apiKeys {\n      ...ApiKeysSection_apiKey\n    }\n  }\n": typeof types.ApiKeysDocument,
    "\n  mutation CreateApiKey($name: String!, $scope: ApiKeyScope!, $canReadBankDetails: Boolean!) {\n    createApiKey(name: $name, scope: $scope, canReadBankDetails: $canReadBankDetails) {\n      apiKey {\n        ...ApiKeysSection_apiKey\n      }\n      secret\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeysSection_apiKey\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  query OrganisationAuditLog($first: Int!, $after: String, $actorId: ID, $kind: String, $from: DateTimeISO, $to: DateTimeISO) {\n    organisationAuditEvents(first: $first, after: $after, actorId: $actorId, kind: $kind, from: $from, to: $to) {\n      edges {\n        cursor\n        node {\n          id\n          at\n          kind\n          summary\n          actorType\n          actorLabel\n          supplier {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.OrganisationAuditLogDocument,
    "\n  query AuditLogFilters {\n    organisationAuditFilters {\n      people {\n        id\n        name\n      }\n      kinds\n    }\n  }\n": typeof types.AuditLogFiltersDocument,
    "\n  query SupplierPageSettings {\n    me {\n      id\n      organisation {\n        id\n        branding {\n          ...SupplierBrand_branding\n        }\n      }\n    }\n  }\n": typeof types.SupplierPageSettingsDocument,
    "\n  mutation UpdateSupplierContact($input: SupplierContactInput!) {\n    updateSupplierContact(input: $input) {\n      id\n      branding {\n        ...SupplierBrand_branding\n      }\n    }\n  }\n": typeof types.UpdateSupplierContactDocument,
    "\n  mutation SetOrganisationLogo($image: String!) {\n    setOrganisationLogo(image: $image) {\n      id\n      branding {\n        ...SupplierBrand_branding\n      }\n    }\n  }\n": typeof types.SetOrganisationLogoDocument,
    "\n  mutation RemoveOrganisationLogo {\n    removeOrganisationLogo {\n      id\n      branding {\n        ...SupplierBrand_branding\n      }\n    }\n  }\n": typeof types.RemoveOrganisationLogoDocument,
    "\n  fragment SupplierBrand_branding on OrganisationBranding {\n    name\n    logoUrl\n    contactName\n    contactPhone\n    contactEmail\n  }\n": typeof types.SupplierBrand_BrandingFragmentDoc,
    "\n  query HomeCounts {\n    supplierFilterCounts {\n      total\n      notInvited\n    }\n  }\n": typeof types.HomeCountsDocument,
    "\n  mutation BulkInviteSuppliers($supplierIds: [ID!]!, $replaceLiveInvites: Boolean!) {\n    inviteSuppliers(supplierIds: $supplierIds, replaceLiveInvites: $replaceLiveInvites) {\n      outcome\n      supplier {\n        id\n        name\n        inviteStatus\n        latestInvite {\n          id\n          status\n        }\n      }\n      invite {\n        id\n        email\n        emailed\n      }\n      link\n    }\n  }\n": typeof types.BulkInviteSuppliersDocument,
    "\n  query BulkInvitePreview($filter: SupplierFilterInput!, $replaceLiveInvites: Boolean!) {\n    bulkInvitePreview(filter: $filter, replaceLiveInvites: $replaceLiveInvites) {\n      matching\n      toInvite\n      liveInvite\n      noEmail\n      limit\n    }\n  }\n": typeof types.BulkInvitePreviewDocument,
    "\n  mutation InviteMatchingSuppliers($filter: SupplierFilterInput!, $replaceLiveInvites: Boolean!) {\n    inviteMatchingSuppliers(filter: $filter, replaceLiveInvites: $replaceLiveInvites) {\n      invited\n      skippedLiveInvite\n      skippedNoEmail\n      emailed\n      results {\n        supplier {\n          id\n          name\n          inviteStatus\n          inviteExpiresAt\n        }\n        invite {\n          id\n          email\n        }\n        link\n      }\n    }\n  }\n": typeof types.InviteMatchingSuppliersDocument,
    "\n  query SupplierInvite($token: String!) {\n    supplierInvite(token: $token) {\n      organisationName\n      supplierName\n      emailHint\n      status\n      expiresAt\n      verified\n      organisation {\n        ...SupplierBrand_branding\n      }\n    }\n  }\n": typeof types.SupplierInviteDocument,
    "\n  query SupplierInviteSender($token: String!) {\n    supplierInviteSender(token: $token) {\n      ...SupplierBrand_branding\n    }\n  }\n": typeof types.SupplierInviteSenderDocument,
    "\n  fragment InvitePanel_supplier on Supplier {\n    id\n    name\n    email\n    latestInvite {\n      ...InvitePanel_invite\n    }\n  }\n": typeof types.InvitePanel_SupplierFragmentDoc,
    "\n  fragment InvitePanel_invite on Invite {\n    id\n    status\n    email\n    expiresAt\n    lastSentAt\n    emailed\n    remindersSent\n    openedAt\n    verifiedAt\n    submittedAt\n    revokedAt\n  }\n": typeof types.InvitePanel_InviteFragmentDoc,
    "\n  query SupplierDetails($token: String!) {\n    supplierDetails(token: $token) {\n      organisationName\n      details\n      latestSubmission {\n        status\n        submittedAt\n        decidedAt\n        rejectReason\n        includesBankDetails\n        bankDetailsMasked\n        details\n      }\n    }\n  }\n": typeof types.SupplierDetailsDocument,
    "\n  mutation SubmitSupplierDetails($token: String!, $input: SupplierDetailsInput!) {\n    submitSupplierDetails(token: $token, input: $input) {\n      submittedAt\n      bankDetailsMasked\n    }\n  }\n": typeof types.SubmitSupplierDetailsDocument,
    "\n  mutation SendSupplierCode($token: String!) {\n    sendSupplierCode(token: $token) {\n      sentTo\n      devCode\n    }\n  }\n": typeof types.SendSupplierCodeDocument,
    "\n  mutation VerifySupplierCode($token: String!, $code: String!) {\n    verifySupplierCode(token: $token, code: $code) {\n      organisationName\n    }\n  }\n": typeof types.VerifySupplierCodeDocument,
    "\n  mutation InviteSuppliers($supplierIds: [ID!]!, $email: String) {\n    inviteSuppliers(supplierIds: $supplierIds, email: $email) {\n      outcome\n      supplier {\n        id\n        latestInvite {\n          ...InvitePanel_invite\n        }\n      }\n      invite {\n        id\n      }\n      link\n    }\n  }\n": typeof types.InviteSuppliersDocument,
    "\n  mutation ResendInvite($inviteId: ID!) {\n    resendInvite(inviteId: $inviteId) {\n      supplier {\n        id\n        latestInvite {\n          ...InvitePanel_invite\n        }\n      }\n      link\n    }\n  }\n": typeof types.ResendInviteDocument,
    "\n  mutation RevokeInvite($inviteId: ID!) {\n    revokeInvite(inviteId: $inviteId) {\n      ...InvitePanel_invite\n    }\n  }\n": typeof types.RevokeInviteDocument,
    "\n  mutation UnlockInvite($inviteId: ID!) {\n    unlockInvite(inviteId: $inviteId) {\n      ...InvitePanel_invite\n    }\n  }\n": typeof types.UnlockInviteDocument,
    "\n  mutation RecordBankCallback($id: ID!, $phoneNumber: String!, $note: String!) {\n    recordBankCallback(changeRequestId: $id, phoneNumber: $phoneNumber, note: $note) {\n      ...ReviewPanel_changeRequest\n    }\n  }\n": typeof types.RecordBankCallbackDocument,
    "\n  fragment ChangeRequestHistory_changeRequest on ChangeRequest {\n    id\n    status\n    submittedAt\n    decidedAt\n    rejectReason\n  }\n": typeof types.ChangeRequestHistory_ChangeRequestFragmentDoc,
    "\n  fragment ReviewPanel_changeRequest on ChangeRequest {\n    id\n    status\n    submittedAt\n    submitterIp\n    submitterUserAgent\n    changesBankDetails\n    highRisk\n    approvalsNeeded\n    riskOverrideReason\n    riskSignals {\n      code\n      level\n      message\n    }\n    callbackNumbers {\n      number\n      label\n    }\n    bankConfirmations {\n      confirmedByName\n      confirmedAt\n      phoneNumber\n      phoneSource\n      phoneLabel\n      note\n    }\n    approvals {\n      userId\n      userName\n      at\n    }\n    changes {\n      field\n      label\n      before\n      after\n      isBankDetail\n    }\n    unchanged {\n      field\n      label\n      value\n      isBankDetail\n    }\n  }\n": typeof types.ReviewPanel_ChangeRequestFragmentDoc,
    "\n  query SupplierTimeline($id: ID!, $first: Int!, $after: String) {\n    supplier(id: $id) {\n      id\n      auditEvents(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            kind\n            summary\n            actorType\n            actorLabel\n            at\n            before\n            after\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.SupplierTimelineDocument,
    "\n  mutation AcceptChangeRequest($id: ID!, $overrideReason: String) {\n    acceptChangeRequest(id: $id, overrideReason: $overrideReason) {\n      ...ReviewPanel_changeRequest\n    }\n  }\n": typeof types.AcceptChangeRequestDocument,
    "\n  mutation RejectChangeRequest($id: ID!, $reason: String!) {\n    rejectChangeRequest(id: $id, reason: $reason) {\n      id\n      status\n      rejectReason\n      rejectReasonEmailed\n      decidedAt\n    }\n  }\n": typeof types.RejectChangeRequestDocument,
    "\n  fragment TwoFactorStatus_status on TwoFactorStatus {\n    totpEnabled\n    recoveryCodesRemaining\n    enrolmentRequired\n    organisationRequiresTwoFactor\n    verifiedAt\n    stepUpValidUntil\n    passkeys {\n      id\n      name\n      createdAt\n      lastUsedAt\n    }\n  }\n": typeof types.TwoFactorStatus_StatusFragmentDoc,
    "\n  query TwoFactorStatus {\n    twoFactorStatus {\n      ...TwoFactorStatus_status\n    }\n  }\n": typeof types.TwoFactorStatusDocument,
    "\n  mutation StartTotpEnrolment {\n    startTotpEnrolment {\n      secret\n      otpauthUri\n      qrCode\n    }\n  }\n": typeof types.StartTotpEnrolmentDocument,
    "\n  mutation ConfirmTotpEnrolment($code: String!) {\n    confirmTotpEnrolment(code: $code) {\n      recoveryCodes\n      status {\n        ...TwoFactorStatus_status\n      }\n    }\n  }\n": typeof types.ConfirmTotpEnrolmentDocument,
    "\n  mutation RemoveTotp {\n    removeTotp {\n      ...TwoFactorStatus_status\n    }\n  }\n": typeof types.RemoveTotpDocument,
    "\n  mutation RegenerateRecoveryCodes {\n    regenerateRecoveryCodes {\n      recoveryCodes\n      status {\n        ...TwoFactorStatus_status\n      }\n    }\n  }\n": typeof types.RegenerateRecoveryCodesDocument,
    "\n  mutation StartPasskeyRegistration {\n    startPasskeyRegistration {\n      options\n    }\n  }\n": typeof types.StartPasskeyRegistrationDocument,
    "\n  mutation FinishPasskeyRegistration($response: JSON!, $name: String!) {\n    finishPasskeyRegistration(response: $response, name: $name) {\n      recoveryCodes\n      status {\n        ...TwoFactorStatus_status\n      }\n    }\n  }\n": typeof types.FinishPasskeyRegistrationDocument,
    "\n  mutation RemovePasskey($id: ID!) {\n    removePasskey(id: $id) {\n      ...TwoFactorStatus_status\n    }\n  }\n": typeof types.RemovePasskeyDocument,
    "\n  mutation VerifyStepUp($code: String, $recoveryCode: String) {\n    verifyStepUp(code: $code, recoveryCode: $recoveryCode) {\n      ...TwoFactorStatus_status\n    }\n  }\n": typeof types.VerifyStepUpDocument,
    "\n  mutation StartPasskeyStepUp {\n    startPasskeyStepUp {\n      options\n    }\n  }\n": typeof types.StartPasskeyStepUpDocument,
    "\n  mutation FinishPasskeyStepUp($response: JSON!) {\n    finishPasskeyStepUp(response: $response) {\n      ...TwoFactorStatus_status\n    }\n  }\n": typeof types.FinishPasskeyStepUpDocument,
    "\n  mutation VerifySignInCode($code: String, $recoveryCode: String) {\n    verifySignInCode(code: $code, recoveryCode: $recoveryCode) {\n      user {\n        ...CurrentUser_user\n      }\n    }\n  }\n": typeof types.VerifySignInCodeDocument,
    "\n  mutation StartPasskeySignIn($secondFactor: Boolean!) {\n    startPasskeySignIn(secondFactor: $secondFactor) {\n      options\n    }\n  }\n": typeof types.StartPasskeySignInDocument,
    "\n  mutation FinishPasskeySignIn($response: JSON!) {\n    finishPasskeySignIn(response: $response) {\n      user {\n        ...CurrentUser_user\n      }\n    }\n  }\n": typeof types.FinishPasskeySignInDocument,
    "\n  mutation RequireTwoFactor($requireTwoFactor: Boolean!) {\n    updateOrganisationSettings(requireTwoFactor: $requireTwoFactor) {\n      id\n      requireTwoFactor\n    }\n  }\n": typeof types.RequireTwoFactorDocument,
    "\n  query SupplierPage($id: ID!) {\n    supplier(id: $id) {\n      id\n      name\n      firstName\n      lastName\n      email\n      status\n      taxNumber\n      companyNumber\n      bankAccountDetails\n      bankDetailsVerified\n      bankDetailsVerifiedAt\n      bankDetailsStatus\n      paymentHoldUntil\n      hasBankDetailDrift\n      xeroContactId\n      phones {\n        type\n        number\n        areaCode\n        countryCode\n      }\n      addresses {\n        type\n        line1\n        line2\n        line3\n        line4\n        city\n        region\n        postalCode\n        country\n        attentionTo\n      }\n      contactPersons {\n        firstName\n        lastName\n        email\n      }\n      drift {\n        id\n        field\n        vouchValue\n        xeroValue\n        isBankDetail\n        lastSeenAt\n      }\n      pendingChangeRequest {\n        ...ReviewPanel_changeRequest\n      }\n      changeRequests {\n        ...ChangeRequestHistory_changeRequest\n      }\n      ...InvitePanel_supplier\n    }\n  }\n": typeof types.SupplierPageDocument,
    "\n  fragment SupplierTable_supplier on Supplier {\n    id\n    name\n    email\n    status\n    hasDrift\n    inviteStatus\n    inviteExpiresAt\n    awaitingReview\n    syncStatus\n    paymentHoldUntil\n    bankState\n    lastActivity\n    lastActivityAt\n  }\n": typeof types.SupplierTable_SupplierFragmentDoc,
    "\n  query SupplierList(\n    $first: Int!\n    $after: String\n    $search: String\n    $includeArchived: Boolean! = false\n    $inviteStatus: InviteStatus\n    $notInvited: Boolean\n    $inviteExpiringSoon: Boolean\n    $awaitingReview: Boolean\n    $hasDrift: Boolean\n    $syncStatus: SyncStatus\n    $bankState: BankDetailsState\n    $sort: SupplierSort! = NAME_ASC\n  ) {\n    suppliers(\n      first: $first\n      after: $after\n      search: $search\n      includeArchived: $includeArchived\n      inviteStatus: $inviteStatus\n      notInvited: $notInvited\n      inviteExpiringSoon: $inviteExpiringSoon\n      awaitingReview: $awaitingReview\n      hasDrift: $hasDrift\n      syncStatus: $syncStatus\n      bankState: $bankState\n      sort: $sort\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...SupplierTable_supplier\n        }\n      }\n    }\n  }\n": typeof types.SupplierListDocument,
    "\n  query SupplierFilterCounts($search: String, $includeArchived: Boolean! = false) {\n    supplierFilterCounts(search: $search, includeArchived: $includeArchived) {\n      total\n      notInvited\n      inviteExpiringSoon\n      awaitingReview\n      hasDrift\n      byInviteStatus {\n        status\n        count\n      }\n      bySyncStatus {\n        status\n        count\n      }\n      byBankState {\n        state\n        count\n      }\n    }\n  }\n": typeof types.SupplierFilterCountsDocument,
    "\n  subscription SupplierAdded {\n    supplierAdded {\n      ...SupplierTable_supplier\n    }\n  }\n": typeof types.SupplierAddedDocument,
    "\n  query SupplierSyncBlock($id: ID!) {\n    supplier(id: $id) {\n      id\n      syncStatus\n      sync {\n        status\n        acceptedAt\n        syncedAt\n        error\n        errorSource\n        attempts\n      }\n    }\n  }\n": typeof types.SupplierSyncBlockDocument,
    "\n  query FailedSyncs($first: Int!) {\n    failedSyncs(first: $first) {\n      supplier {\n        id\n        name\n        syncStatus\n      }\n      error\n      errorSource\n      failedAt\n    }\n  }\n": typeof types.FailedSyncsDocument,
    "\n  fragment SyncPanel_overview on SyncOverview {\n    queueDepth\n    oldestPendingAt\n    lastSuccessAt\n    failedCount\n  }\n": typeof types.SyncPanel_OverviewFragmentDoc,
    "\n  query SyncOverview {\n    syncOverview {\n      ...SyncPanel_overview\n    }\n  }\n": typeof types.SyncOverviewDocument,
    "\n  subscription SyncUpdated {\n    syncUpdated {\n      supplierIds\n      overview {\n        ...SyncPanel_overview\n      }\n      suppliers {\n        id\n        syncStatus\n      }\n    }\n  }\n": typeof types.SyncUpdatedDocument,
    "\n  mutation RetrySupplierSync($supplierId: ID!) {\n    retrySupplierSync(supplierId: $supplierId) {\n      id\n      syncStatus\n      sync {\n        status\n        syncedAt\n        error\n        errorSource\n        attempts\n      }\n    }\n  }\n": typeof types.RetrySupplierSyncDocument,
    "\n  query TeamInvitePreview($token: String!) {\n    teamInvitePreview(token: $token) {\n      organisationName\n      email\n      role\n      invitedByName\n    }\n  }\n": typeof types.TeamInvitePreviewDocument,
    "\n  mutation AcceptTeamInvite($input: AcceptTeamInviteInput!) {\n    acceptTeamInvite(input: $input) {\n      user {\n        ...CurrentUser_user\n      }\n    }\n  }\n": typeof types.AcceptTeamInviteDocument,
    "\n  mutation SignOutToJoin {\n    signOut\n  }\n": typeof types.SignOutToJoinDocument,
    "\n  mutation InviteTeammate($input: InviteTeammateInput!) {\n    inviteTeammate(input: $input) {\n      invite {\n        ...TeamPage_invite\n      }\n      link\n    }\n  }\n": typeof types.InviteTeammateDocument,
    "\n  mutation ResendTeamInvite($id: ID!) {\n    resendTeamInvite(id: $id) {\n      invite {\n        ...TeamPage_invite\n      }\n      link\n    }\n  }\n": typeof types.ResendTeamInviteDocument,
    "\n  mutation WithdrawTeamInvite($id: ID!) {\n    withdrawTeamInvite(id: $id) {\n      id\n    }\n  }\n": typeof types.WithdrawTeamInviteDocument,
    "\n  mutation ChangeTeamMemberRole($userId: ID!, $role: Role!) {\n    changeTeamMemberRole(userId: $userId, role: $role) {\n      ...TeamPage_member\n    }\n  }\n": typeof types.ChangeTeamMemberRoleDocument,
    "\n  mutation RemoveTeamMember($userId: ID!) {\n    removeTeamMember(userId: $userId) {\n      removedUserId\n      sessionsEnded\n      apiKeysRevoked\n    }\n  }\n": typeof types.RemoveTeamMemberDocument,
    "\n  mutation ResetTeamMemberTwoFactor($userId: ID!) {\n    resetTeamMemberTwoFactor(userId: $userId) {\n      userId\n      sessionsEnded\n    }\n  }\n": typeof types.ResetTeamMemberTwoFactorDocument,
    "\n  fragment TeamPage_member on TeamMember {\n    id\n    name\n    email\n    role\n    joinedAt\n    isYou\n    twoFactorEnabled\n  }\n": typeof types.TeamPage_MemberFragmentDoc,
    "\n  fragment TeamPage_invite on TeamInvite {\n    id\n    email\n    role\n    invitedByName\n    lastSentAt\n    expiresAt\n    expired\n    emailed\n  }\n": typeof types.TeamPage_InviteFragmentDoc,
    "\n  query TeamMembers {\n    teamMembers {\n      ...TeamPage_member\n    }\n  }\n": typeof types.TeamMembersDocument,
    "\n  query TeamInvites {\n    teamInvites {\n      ...TeamPage_invite\n    }\n  }\n": typeof types.TeamInvitesDocument,
    "\n  query WebhookDeliveries($endpointId: ID!) {\n    webhookDeliveries(endpointId: $endpointId, first: 25) {\n      id\n      webhookId\n      eventType\n      status\n      attempts\n      responseStatus\n      lastError\n      durationMs\n      createdAt\n      lastAttemptAt\n      nextAttemptAt\n      isRedelivery\n    }\n  }\n": typeof types.WebhookDeliveriesDocument,
    "\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      id\n    }\n  }\n": typeof types.RedeliverWebhookDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        ...WebhooksSection_endpoint\n      }\n      secret\n    }\n  }\n": typeof types.CreateWebhookEndpointDocument,
    "\n  mutation UpdateWebhookEndpoint($id: ID!, $input: CreateWebhookEndpointInput!) {\n    updateWebhookEndpoint(id: $id, input: $input) {\n      ...WebhooksSection_endpoint\n    }\n  }\n": typeof types.UpdateWebhookEndpointDocument,
    "\n  fragment WebhooksSection_endpoint on WebhookEndpoint {\n    id\n    url\n    description\n    eventTypes\n    canReadBankDetails\n    status\n    disabledReason\n    failingSince\n    lastSuccessAt\n    createdAt\n    previousSecretValidUntil\n  }\n": typeof types.WebhooksSection_EndpointFragmentDoc,
    "\n  query WebhookEndpoints {\n    webhookEndpoints {\n      ...WebhooksSection_endpoint\n    }\n  }\n": typeof types.WebhookEndpointsDocument,
    "\n  mutation SetWebhookEndpointEnabled($id: ID!, $enabled: Boolean!) {\n    setWebhookEndpointEnabled(id: $id, enabled: $enabled) {\n      ...WebhooksSection_endpoint\n    }\n  }\n": typeof types.SetWebhookEndpointEnabledDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n": typeof types.DeleteWebhookEndpointDocument,
    "\n  mutation SendWebhookTestEvent($endpointId: ID!) {\n    sendWebhookTestEvent(endpointId: $endpointId) {\n      id\n    }\n  }\n": typeof types.SendWebhookTestEventDocument,
    "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      endpoint {\n        ...WebhooksSection_endpoint\n      }\n      secret\n    }\n  }\n": typeof types.RotateWebhookSecretDocument,
    "\n  fragment XeroConnectionCard_connection on XeroConnection {\n    id\n    status\n    tenantId\n    tenantName\n    connectedAt\n    lastSuccessfulPollAt\n    nextPollAt\n    lastError\n    apiHeadroom {\n      minuteRemaining\n      dayRemaining\n      appMinuteRemaining\n      observedAt\n    }\n    ...XeroImportProgress_connection\n  }\n": typeof types.XeroConnectionCard_ConnectionFragmentDoc,
    "\n  mutation DisconnectXero {\n    disconnectXero {\n      ...XeroConnectionCard_connection\n    }\n  }\n": typeof types.DisconnectXeroDocument,
    "\n  fragment XeroImportProgress_connection on XeroConnection {\n    id\n    status\n    importStatus\n    importProgress {\n      pages\n      seen\n      created\n      skipped\n      archived\n    }\n  }\n": typeof types.XeroImportProgress_ConnectionFragmentDoc,
    "\n  fragment XeroTenantPicker_pending on PendingXeroConnection {\n    attemptId\n    expiresAt\n    lockedTenantId\n    tenants {\n      tenantId\n      tenantName\n      allowed\n    }\n  }\n": typeof types.XeroTenantPicker_PendingFragmentDoc,
    "\n  query PendingXeroConnection($attemptId: ID!) {\n    pendingXeroConnection(attemptId: $attemptId) {\n      ...XeroTenantPicker_pending\n    }\n  }\n": typeof types.PendingXeroConnectionDocument,
    "\n  mutation ConfirmXeroTenant($attemptId: ID!, $tenantId: String!) {\n    confirmXeroTenant(attemptId: $attemptId, tenantId: $tenantId) {\n      ...XeroConnectionCard_connection\n    }\n  }\n": typeof types.ConfirmXeroTenantDocument,
    "\n  mutation StartXeroConnection {\n    startXeroConnection {\n      authorizeUrl\n    }\n  }\n": typeof types.StartXeroConnectionDocument,
    "\n  query XeroConnection {\n    xeroConnection {\n      ...XeroConnectionCard_connection\n    }\n    xeroCallbackOrigin\n    xeroConnectionAwaitingChoice\n  }\n": typeof types.XeroConnectionDocument,
    "\n  subscription XeroConnectionUpdated {\n    xeroConnectionUpdated {\n      ...XeroConnectionCard_connection\n    }\n  }\n": typeof types.XeroConnectionUpdatedDocument,
    "\n  mutation CancelXeroConnection($attemptId: ID!) {\n    cancelXeroConnection(attemptId: $attemptId)\n  }\n": typeof types.CancelXeroConnectionDocument,
};
const documents: Documents = {
    "\n  fragment Attention_counts on Attention {\n    awaitingReview\n    awaitingReviewBankChanges\n    awaitingReviewHighRisk\n    failedSyncs\n    invitesLocked\n    invitesExpiringSoon\n    paymentHolds\n    countedAt\n    xero {\n      status\n      tenantName\n      needsAttention\n      lastError\n    }\n  }\n": types.Attention_CountsFragmentDoc,
    "\n  query Attention {\n    attention {\n      ...Attention_counts\n    }\n  }\n": types.AttentionDocument,
    "\n  subscription AttentionUpdated {\n    attentionUpdated {\n      ...Attention_counts\n    }\n  }\n": types.AttentionUpdatedDocument,
    "\n  fragment ErrorExtensions_contract on ErrorExtensions {\n    code\n    reason\n    fields {\n      field\n      message\n    }\n    retryAfterSeconds\n    errorId\n  }\n": types.ErrorExtensions_ContractFragmentDoc,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      otherSessionsEnded\n    }\n  }\n": types.ChangePasswordDocument,
    "\n  mutation ConfirmSignUp($token: String!) {\n    confirmSignUp(token: $token) {\n      user {\n        ...CurrentUser_user\n      }\n    }\n  }\n": types.ConfirmSignUpDocument,
    "\n  query EmailVerified {\n    me {\n      id\n      emailVerified\n    }\n  }\n": types.EmailVerifiedDocument,
    "\n  mutation SendEmailVerification {\n    sendEmailVerification\n  }\n": types.SendEmailVerificationDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token)\n  }\n": types.VerifyEmailDocument,
    "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) {\n      sentTo\n    }\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      email\n    }\n  }\n": types.ResetPasswordDocument,
    "\n  fragment SessionsSection_session on ActiveSession {\n    id\n    browser\n    ip\n    signedInAt\n    lastSeenAt\n    current\n  }\n": types.SessionsSection_SessionFragmentDoc,
    "\n  query MySessions {\n    mySessions {\n      ...SessionsSection_session\n    }\n  }\n": types.MySessionsDocument,
    "\n  mutation EndSession($id: ID!) {\n    endSession(id: $id)\n  }\n": types.EndSessionDocument,
    "\n  mutation EndOtherSessions {\n    endOtherSessions\n  }\n": types.EndOtherSessionsDocument,
    "\n  query OrganisationSettings {\n    me {\n      id\n      organisation {\n        id\n        requireSecondApproverForBankChanges\n        paymentHoldDays\n      }\n    }\n  }\n": types.OrganisationSettingsDocument,
    "\n  mutation UpdateOrganisationSettings($requireSecondApproverForBankChanges: Boolean, $paymentHoldDays: Int) {\n    updateOrganisationSettings(requireSecondApproverForBankChanges: $requireSecondApproverForBankChanges, paymentHoldDays: $paymentHoldDays) {\n      id\n      requireSecondApproverForBankChanges\n      paymentHoldDays\n    }\n  }\n": types.UpdateOrganisationSettingsDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        ...CurrentUser_user\n      }\n      secondFactor {\n        methods\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        ...CurrentUser_user\n      }\n      confirmationSentTo\n    }\n  }\n": types.SignUpDocument,
    "\n  fragment CurrentUser_user on User {\n    id\n    name\n    email\n    role\n    twoFactorEnrolmentRequired\n    organisation {\n      id\n      name\n    }\n  }\n": types.CurrentUser_UserFragmentDoc,
    "\n  query Me {\n    me {\n      ...CurrentUser_user\n    }\n  }\n": types.MeDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  fragment ApiKeysSection_apiKey on ApiKey {\n    id\n    name\n    prefix\n    scope\n    canReadBankDetails\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": types.ApiKeysSection_ApiKeyFragmentDoc,
    "\n  query ApiKeys {\n    apiKeys {\n      ...ApiKeysSection_apiKey\n    }\n  }\n": types.ApiKeysDocument,
    "\n  mutation CreateApiKey($name: String!, $scope: ApiKeyScope!, $canReadBankDetails: Boolean!) {\n    createApiKey(name: $name, scope: $scope, canReadBankDetails: $canReadBankDetails) {\n      apiKey {\n        ...ApiKeysSection_apiKey\n      }\n      secret\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeysSection_apiKey\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  query OrganisationAuditLog($first: Int!, $after: String, $actorId: ID, $kind: String, $from: DateTimeISO, $to: DateTimeISO) {\n    organisationAuditEvents(first: $first, after: $after, actorId: $actorId, kind: $kind, from: $from, to: $to) {\n      edges {\n        cursor\n        node {\n          id\n          at\n          kind\n          summary\n          actorType\n          actorLabel\n          supplier {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.OrganisationAuditLogDocument,
    "\n  query AuditLogFilters {\n    organisationAuditFilters {\n      people {\n        id\n        name\n      }\n      kinds\n    }\n  }\n": types.AuditLogFiltersDocument,
    "\n  query SupplierPageSettings {\n    me {\n      id\n      organisation {\n        id\n        branding {\n          ...SupplierBrand_branding\n        }\n      }\n    }\n  }\n": types.SupplierPageSettingsDocument,
    "\n  mutation UpdateSupplierContact($input: SupplierContactInput!) {\n    updateSupplierContact(input: $input) {\n      id\n      branding {\n        ...SupplierBrand_branding\n      }\n    }\n  }\n": types.UpdateSupplierContactDocument,
    "\n  mutation SetOrganisationLogo($image: String!) {\n    setOrganisationLogo(image: $image) {\n      id\n      branding {\n        ...SupplierBrand_branding\n      }\n    }\n  }\n": types.SetOrganisationLogoDocument,
    "\n  mutation RemoveOrganisationLogo {\n    removeOrganisationLogo {\n      id\n      branding {\n        ...SupplierBrand_branding\n      }\n    }\n  }\n": types.RemoveOrganisationLogoDocument,
    "\n  fragment SupplierBrand_branding on OrganisationBranding {\n    name\n    logoUrl\n    contactName\n    contactPhone\n    contactEmail\n  }\n": types.SupplierBrand_BrandingFragmentDoc,
    "\n  query HomeCounts {\n    supplierFilterCounts {\n      total\n      notInvited\n    }\n  }\n": types.HomeCountsDocument,
    "\n  mutation BulkInviteSuppliers($supplierIds: [ID!]!, $replaceLiveInvites: Boolean!) {\n    inviteSuppliers(supplierIds: $supplierIds, replaceLiveInvites: $replaceLiveInvites) {\n      outcome\n      supplier {\n        id\n        name\n        inviteStatus\n        latestInvite {\n          id\n          status\n        }\n      }\n      invite {\n        id\n        email\n        emailed\n      }\n      link\n    }\n  }\n": types.BulkInviteSuppliersDocument,
    "\n  query BulkInvitePreview($filter: SupplierFilterInput!, $replaceLiveInvites: Boolean!) {\n    bulkInvitePreview(filter: $filter, replaceLiveInvites: $replaceLiveInvites) {\n      matching\n      toInvite\n      liveInvite\n      noEmail\n      limit\n    }\n  }\n": types.BulkInvitePreviewDocument,
    "\n  mutation InviteMatchingSuppliers($filter: SupplierFilterInput!, $replaceLiveInvites: Boolean!) {\n    inviteMatchingSuppliers(filter: $filter, replaceLiveInvites: $replaceLiveInvites) {\n      invited\n      skippedLiveInvite\n      skippedNoEmail\n      emailed\n      results {\n        supplier {\n          id\n          name\n          inviteStatus\n          inviteExpiresAt\n        }\n        invite {\n          id\n          email\n        }\n        link\n      }\n    }\n  }\n": types.InviteMatchingSuppliersDocument,
    "\n  query SupplierInvite($token: String!) {\n    supplierInvite(token: $token) {\n      organisationName\n      supplierName\n      emailHint\n      status\n      expiresAt\n      verified\n      organisation {\n        ...SupplierBrand_branding\n      }\n    }\n  }\n": types.SupplierInviteDocument,
    "\n  query SupplierInviteSender($token: String!) {\n    supplierInviteSender(token: $token) {\n      ...SupplierBrand_branding\n    }\n  }\n": types.SupplierInviteSenderDocument,
    "\n  fragment InvitePanel_supplier on Supplier {\n    id\n    name\n    email\n    latestInvite {\n      ...InvitePanel_invite\n    }\n  }\n": types.InvitePanel_SupplierFragmentDoc,
    "\n  fragment InvitePanel_invite on Invite {\n    id\n    status\n    email\n    expiresAt\n    lastSentAt\n    emailed\n    remindersSent\n    openedAt\n    verifiedAt\n    submittedAt\n    revokedAt\n  }\n": types.InvitePanel_InviteFragmentDoc,
    "\n  query SupplierDetails($token: String!) {\n    supplierDetails(token: $token) {\n      organisationName\n      details\n      latestSubmission {\n        status\n        submittedAt\n        decidedAt\n        rejectReason\n        includesBankDetails\n        bankDetailsMasked\n        details\n      }\n    }\n  }\n": types.SupplierDetailsDocument,
    "\n  mutation SubmitSupplierDetails($token: String!, $input: SupplierDetailsInput!) {\n    submitSupplierDetails(token: $token, input: $input) {\n      submittedAt\n      bankDetailsMasked\n    }\n  }\n": types.SubmitSupplierDetailsDocument,
    "\n  mutation SendSupplierCode($token: String!) {\n    sendSupplierCode(token: $token) {\n      sentTo\n      devCode\n    }\n  }\n": types.SendSupplierCodeDocument,
    "\n  mutation VerifySupplierCode($token: String!, $code: String!) {\n    verifySupplierCode(token: $token, code: $code) {\n      organisationName\n    }\n  }\n": types.VerifySupplierCodeDocument,
    "\n  mutation InviteSuppliers($supplierIds: [ID!]!, $email: String) {\n    inviteSuppliers(supplierIds: $supplierIds, email: $email) {\n      outcome\n      supplier {\n        id\n        latestInvite {\n          ...InvitePanel_invite\n        }\n      }\n      invite {\n        id\n      }\n      link\n    }\n  }\n": types.InviteSuppliersDocument,
    "\n  mutation ResendInvite($inviteId: ID!) {\n    resendInvite(inviteId: $inviteId) {\n      supplier {\n        id\n        latestInvite {\n          ...InvitePanel_invite\n        }\n      }\n      link\n    }\n  }\n": types.ResendInviteDocument,
    "\n  mutation RevokeInvite($inviteId: ID!) {\n    revokeInvite(inviteId: $inviteId) {\n      ...InvitePanel_invite\n    }\n  }\n": types.RevokeInviteDocument,
    "\n  mutation UnlockInvite($inviteId: ID!) {\n    unlockInvite(inviteId: $inviteId) {\n      ...InvitePanel_invite\n    }\n  }\n": types.UnlockInviteDocument,
    "\n  mutation RecordBankCallback($id: ID!, $phoneNumber: String!, $note: String!) {\n    recordBankCallback(changeRequestId: $id, phoneNumber: $phoneNumber, note: $note) {\n      ...ReviewPanel_changeRequest\n    }\n  }\n": types.RecordBankCallbackDocument,
    "\n  fragment ChangeRequestHistory_changeRequest on ChangeRequest {\n    id\n    status\n    submittedAt\n    decidedAt\n    rejectReason\n  }\n": types.ChangeRequestHistory_ChangeRequestFragmentDoc,
    "\n  fragment ReviewPanel_changeRequest on ChangeRequest {\n    id\n    status\n    submittedAt\n    submitterIp\n    submitterUserAgent\n    changesBankDetails\n    highRisk\n    approvalsNeeded\n    riskOverrideReason\n    riskSignals {\n      code\n      level\n      message\n    }\n    callbackNumbers {\n      number\n      label\n    }\n    bankConfirmations {\n      confirmedByName\n      confirmedAt\n      phoneNumber\n      phoneSource\n      phoneLabel\n      note\n    }\n    approvals {\n      userId\n      userName\n      at\n    }\n    changes {\n      field\n      label\n      before\n      after\n      isBankDetail\n    }\n    unchanged {\n      field\n      label\n      value\n      isBankDetail\n    }\n  }\n": types.ReviewPanel_ChangeRequestFragmentDoc,
    "\n  query SupplierTimeline($id: ID!, $first: Int!, $after: String) {\n    supplier(id: $id) {\n      id\n      auditEvents(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            kind\n            summary\n            actorType\n            actorLabel\n            at\n            before\n            after\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.SupplierTimelineDocument,
    "\n  mutation AcceptChangeRequest($id: ID!, $overrideReason: String) {\n    acceptChangeRequest(id: $id, overrideReason: $overrideReason) {\n      ...ReviewPanel_changeRequest\n    }\n  }\n": types.AcceptChangeRequestDocument,
    "\n  mutation RejectChangeRequest($id: ID!, $reason: String!) {\n    rejectChangeRequest(id: $id, reason: $reason) {\n      id\n      status\n      rejectReason\n      rejectReasonEmailed\n      decidedAt\n    }\n  }\n": types.RejectChangeRequestDocument,
    "\n  fragment TwoFactorStatus_status on TwoFactorStatus {\n    totpEnabled\n    recoveryCodesRemaining\n    enrolmentRequired\n    organisationRequiresTwoFactor\n    verifiedAt\n    stepUpValidUntil\n    passkeys {\n      id\n      name\n      createdAt\n      lastUsedAt\n    }\n  }\n": types.TwoFactorStatus_StatusFragmentDoc,
    "\n  query TwoFactorStatus {\n    twoFactorStatus {\n      ...TwoFactorStatus_status\n    }\n  }\n": types.TwoFactorStatusDocument,
    "\n  mutation StartTotpEnrolment {\n    startTotpEnrolment {\n      secret\n      otpauthUri\n      qrCode\n    }\n  }\n": types.StartTotpEnrolmentDocument,
    "\n  mutation ConfirmTotpEnrolment($code: String!) {\n    confirmTotpEnrolment(code: $code) {\n      recoveryCodes\n      status {\n        ...TwoFactorStatus_status\n      }\n    }\n  }\n": types.ConfirmTotpEnrolmentDocument,
    "\n  mutation RemoveTotp {\n    removeTotp {\n      ...TwoFactorStatus_status\n    }\n  }\n": types.RemoveTotpDocument,
    "\n  mutation RegenerateRecoveryCodes {\n    regenerateRecoveryCodes {\n      recoveryCodes\n      status {\n        ...TwoFactorStatus_status\n      }\n    }\n  }\n": types.RegenerateRecoveryCodesDocument,
    "\n  mutation StartPasskeyRegistration {\n    startPasskeyRegistration {\n      options\n    }\n  }\n": types.StartPasskeyRegistrationDocument,
    "\n  mutation FinishPasskeyRegistration($response: JSON!, $name: String!) {\n    finishPasskeyRegistration(response: $response, name: $name) {\n      recoveryCodes\n      status {\n        ...TwoFactorStatus_status\n      }\n    }\n  }\n": types.FinishPasskeyRegistrationDocument,
    "\n  mutation RemovePasskey($id: ID!) {\n    removePasskey(id: $id) {\n      ...TwoFactorStatus_status\n    }\n  }\n": types.RemovePasskeyDocument,
    "\n  mutation VerifyStepUp($code: String, $recoveryCode: String) {\n    verifyStepUp(code: $code, recoveryCode: $recoveryCode) {\n      ...TwoFactorStatus_status\n    }\n  }\n": types.VerifyStepUpDocument,
    "\n  mutation StartPasskeyStepUp {\n    startPasskeyStepUp {\n      options\n    }\n  }\n": types.StartPasskeyStepUpDocument,
    "\n  mutation FinishPasskeyStepUp($response: JSON!) {\n    finishPasskeyStepUp(response: $response) {\n      ...TwoFactorStatus_status\n    }\n  }\n": types.FinishPasskeyStepUpDocument,
    "\n  mutation VerifySignInCode($code: String, $recoveryCode: String) {\n    verifySignInCode(code: $code, recoveryCode: $recoveryCode) {\n      user {\n        ...CurrentUser_user\n      }\n    }\n  }\n": types.VerifySignInCodeDocument,
    "\n  mutation StartPasskeySignIn($secondFactor: Boolean!) {\n    startPasskeySignIn(secondFactor: $secondFactor) {\n      options\n    }\n  }\n": types.StartPasskeySignInDocument,
    "\n  mutation FinishPasskeySignIn($response: JSON!) {\n    finishPasskeySignIn(response: $response) {\n      user {\n        ...CurrentUser_user\n      }\n    }\n  }\n": types.FinishPasskeySignInDocument,
    "\n  mutation RequireTwoFactor($requireTwoFactor: Boolean!) {\n    updateOrganisationSettings(requireTwoFactor: $requireTwoFactor) {\n      id\n      requireTwoFactor\n    }\n  }\n": types.RequireTwoFactorDocument,
    "\n  query SupplierPage($id: ID!) {\n    supplier(id: $id) {\n      id\n      name\n      firstName\n      lastName\n      email\n      status\n      taxNumber\n      companyNumber\n      bankAccountDetails\n      bankDetailsVerified\n      bankDetailsVerifiedAt\n      bankDetailsStatus\n      paymentHoldUntil\n      hasBankDetailDrift\n      xeroContactId\n      phones {\n        type\n        number\n        areaCode\n        countryCode\n      }\n      addresses {\n        type\n        line1\n        line2\n        line3\n        line4\n        city\n        region\n        postalCode\n        country\n        attentionTo\n      }\n      contactPersons {\n        firstName\n        lastName\n        email\n      }\n      drift {\n        id\n        field\n        vouchValue\n        xeroValue\n        isBankDetail\n        lastSeenAt\n      }\n      pendingChangeRequest {\n        ...ReviewPanel_changeRequest\n      }\n      changeRequests {\n        ...ChangeRequestHistory_changeRequest\n      }\n      ...InvitePanel_supplier\n    }\n  }\n": types.SupplierPageDocument,
    "\n  fragment SupplierTable_supplier on Supplier {\n    id\n    name\n    email\n    status\n    hasDrift\n    inviteStatus\n    inviteExpiresAt\n    awaitingReview\n    syncStatus\n    paymentHoldUntil\n    bankState\n    lastActivity\n    lastActivityAt\n  }\n": types.SupplierTable_SupplierFragmentDoc,
    "\n  query SupplierList(\n    $first: Int!\n    $after: String\n    $search: String\n    $includeArchived: Boolean! = false\n    $inviteStatus: InviteStatus\n    $notInvited: Boolean\n    $inviteExpiringSoon: Boolean\n    $awaitingReview: Boolean\n    $hasDrift: Boolean\n    $syncStatus: SyncStatus\n    $bankState: BankDetailsState\n    $sort: SupplierSort! = NAME_ASC\n  ) {\n    suppliers(\n      first: $first\n      after: $after\n      search: $search\n      includeArchived: $includeArchived\n      inviteStatus: $inviteStatus\n      notInvited: $notInvited\n      inviteExpiringSoon: $inviteExpiringSoon\n      awaitingReview: $awaitingReview\n      hasDrift: $hasDrift\n      syncStatus: $syncStatus\n      bankState: $bankState\n      sort: $sort\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...SupplierTable_supplier\n        }\n      }\n    }\n  }\n": types.SupplierListDocument,
    "\n  query SupplierFilterCounts($search: String, $includeArchived: Boolean! = false) {\n    supplierFilterCounts(search: $search, includeArchived: $includeArchived) {\n      total\n      notInvited\n      inviteExpiringSoon\n      awaitingReview\n      hasDrift\n      byInviteStatus {\n        status\n        count\n      }\n      bySyncStatus {\n        status\n        count\n      }\n      byBankState {\n        state\n        count\n      }\n    }\n  }\n": types.SupplierFilterCountsDocument,
    "\n  subscription SupplierAdded {\n    supplierAdded {\n      ...SupplierTable_supplier\n    }\n  }\n": types.SupplierAddedDocument,
    "\n  query SupplierSyncBlock($id: ID!) {\n    supplier(id: $id) {\n      id\n      syncStatus\n      sync {\n        status\n        acceptedAt\n        syncedAt\n        error\n        errorSource\n        attempts\n      }\n    }\n  }\n": types.SupplierSyncBlockDocument,
    "\n  query FailedSyncs($first: Int!) {\n    failedSyncs(first: $first) {\n      supplier {\n        id\n        name\n        syncStatus\n      }\n      error\n      errorSource\n      failedAt\n    }\n  }\n": types.FailedSyncsDocument,
    "\n  fragment SyncPanel_overview on SyncOverview {\n    queueDepth\n    oldestPendingAt\n    lastSuccessAt\n    failedCount\n  }\n": types.SyncPanel_OverviewFragmentDoc,
    "\n  query SyncOverview {\n    syncOverview {\n      ...SyncPanel_overview\n    }\n  }\n": types.SyncOverviewDocument,
    "\n  subscription SyncUpdated {\n    syncUpdated {\n      supplierIds\n      overview {\n        ...SyncPanel_overview\n      }\n      suppliers {\n        id\n        syncStatus\n      }\n    }\n  }\n": types.SyncUpdatedDocument,
    "\n  mutation RetrySupplierSync($supplierId: ID!) {\n    retrySupplierSync(supplierId: $supplierId) {\n      id\n      syncStatus\n      sync {\n        status\n        syncedAt\n        error\n        errorSource\n        attempts\n      }\n    }\n  }\n": types.RetrySupplierSyncDocument,
    "\n  query TeamInvitePreview($token: String!) {\n    teamInvitePreview(token: $token) {\n      organisationName\n      email\n      role\n      invitedByName\n    }\n  }\n": types.TeamInvitePreviewDocument,
    "\n  mutation AcceptTeamInvite($input: AcceptTeamInviteInput!) {\n    acceptTeamInvite(input: $input) {\n      user {\n        ...CurrentUser_user\n      }\n    }\n  }\n": types.AcceptTeamInviteDocument,
    "\n  mutation SignOutToJoin {\n    signOut\n  }\n": types.SignOutToJoinDocument,
    "\n  mutation InviteTeammate($input: InviteTeammateInput!) {\n    inviteTeammate(input: $input) {\n      invite {\n        ...TeamPage_invite\n      }\n      link\n    }\n  }\n": types.InviteTeammateDocument,
    "\n  mutation ResendTeamInvite($id: ID!) {\n    resendTeamInvite(id: $id) {\n      invite {\n        ...TeamPage_invite\n      }\n      link\n    }\n  }\n": types.ResendTeamInviteDocument,
    "\n  mutation WithdrawTeamInvite($id: ID!) {\n    withdrawTeamInvite(id: $id) {\n      id\n    }\n  }\n": types.WithdrawTeamInviteDocument,
    "\n  mutation ChangeTeamMemberRole($userId: ID!, $role: Role!) {\n    changeTeamMemberRole(userId: $userId, role: $role) {\n      ...TeamPage_member\n    }\n  }\n": types.ChangeTeamMemberRoleDocument,
    "\n  mutation RemoveTeamMember($userId: ID!) {\n    removeTeamMember(userId: $userId) {\n      removedUserId\n      sessionsEnded\n      apiKeysRevoked\n    }\n  }\n": types.RemoveTeamMemberDocument,
    "\n  mutation ResetTeamMemberTwoFactor($userId: ID!) {\n    resetTeamMemberTwoFactor(userId: $userId) {\n      userId\n      sessionsEnded\n    }\n  }\n": types.ResetTeamMemberTwoFactorDocument,
    "\n  fragment TeamPage_member on TeamMember {\n    id\n    name\n    email\n    role\n    joinedAt\n    isYou\n    twoFactorEnabled\n  }\n": types.TeamPage_MemberFragmentDoc,
    "\n  fragment TeamPage_invite on TeamInvite {\n    id\n    email\n    role\n    invitedByName\n    lastSentAt\n    expiresAt\n    expired\n    emailed\n  }\n": types.TeamPage_InviteFragmentDoc,
    "\n  query TeamMembers {\n    teamMembers {\n      ...TeamPage_member\n    }\n  }\n": types.TeamMembersDocument,
    "\n  query TeamInvites {\n    teamInvites {\n      ...TeamPage_invite\n    }\n  }\n": types.TeamInvitesDocument,
    "\n  query WebhookDeliveries($endpointId: ID!) {\n    webhookDeliveries(endpointId: $endpointId, first: 25) {\n      id\n      webhookId\n      eventType\n      status\n      attempts\n      responseStatus\n      lastError\n      durationMs\n      createdAt\n      lastAttemptAt\n      nextAttemptAt\n      isRedelivery\n    }\n  }\n": types.WebhookDeliveriesDocument,
    "\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      id\n    }\n  }\n": types.RedeliverWebhookDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        ...WebhooksSection_endpoint\n      }\n      secret\n    }\n  }\n": types.CreateWebhookEndpointDocument,
    "\n  mutation UpdateWebhookEndpoint($id: ID!, $input: CreateWebhookEndpointInput!) {\n    updateWebhookEndpoint(id: $id, input: $input) {\n      ...WebhooksSection_endpoint\n    }\n  }\n": types.UpdateWebhookEndpointDocument,
    "\n  fragment WebhooksSection_endpoint on WebhookEndpoint {\n    id\n    url\n    description\n    eventTypes\n    canReadBankDetails\n    status\n    disabledReason\n    failingSince\n    lastSuccessAt\n    createdAt\n    previousSecretValidUntil\n  }\n": types.WebhooksSection_EndpointFragmentDoc,
    "\n  query WebhookEndpoints {\n    webhookEndpoints {\n      ...WebhooksSection_endpoint\n    }\n  }\n": types.WebhookEndpointsDocument,
    "\n  mutation SetWebhookEndpointEnabled($id: ID!, $enabled: Boolean!) {\n    setWebhookEndpointEnabled(id: $id, enabled: $enabled) {\n      ...WebhooksSection_endpoint\n    }\n  }\n": types.SetWebhookEndpointEnabledDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n": types.DeleteWebhookEndpointDocument,
    "\n  mutation SendWebhookTestEvent($endpointId: ID!) {\n    sendWebhookTestEvent(endpointId: $endpointId) {\n      id\n    }\n  }\n": types.SendWebhookTestEventDocument,
    "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      endpoint {\n        ...WebhooksSection_endpoint\n      }\n      secret\n    }\n  }\n": types.RotateWebhookSecretDocument,
    "\n  fragment XeroConnectionCard_connection on XeroConnection {\n    id\n    status\n    tenantId\n    tenantName\n    connectedAt\n    lastSuccessfulPollAt\n    nextPollAt\n    lastError\n    apiHeadroom {\n      minuteRemaining\n      dayRemaining\n      appMinuteRemaining\n      observedAt\n    }\n    ...XeroImportProgress_connection\n  }\n": types.XeroConnectionCard_ConnectionFragmentDoc,
    "\n  mutation DisconnectXero {\n    disconnectXero {\n      ...XeroConnectionCard_connection\n    }\n  }\n": types.DisconnectXeroDocument,
    "\n  fragment XeroImportProgress_connection on XeroConnection {\n    id\n    status\n    importStatus\n    importProgress {\n      pages\n      seen\n      created\n      skipped\n      archived\n    }\n  }\n": types.XeroImportProgress_ConnectionFragmentDoc,
    "\n  fragment XeroTenantPicker_pending on PendingXeroConnection {\n    attemptId\n    expiresAt\n    lockedTenantId\n    tenants {\n      tenantId\n      tenantName\n      allowed\n    }\n  }\n": types.XeroTenantPicker_PendingFragmentDoc,
    "\n  query PendingXeroConnection($attemptId: ID!) {\n    pendingXeroConnection(attemptId: $attemptId) {\n      ...XeroTenantPicker_pending\n    }\n  }\n": types.PendingXeroConnectionDocument,
    "\n  mutation ConfirmXeroTenant($attemptId: ID!, $tenantId: String!) {\n    confirmXeroTenant(attemptId: $attemptId, tenantId: $tenantId) {\n      ...XeroConnectionCard_connection\n    }\n  }\n": types.ConfirmXeroTenantDocument,
    "\n  mutation StartXeroConnection {\n    startXeroConnection {\n      authorizeUrl\n    }\n  }\n": types.StartXeroConnectionDocument,
    "\n  query XeroConnection {\n    xeroConnection {\n      ...XeroConnectionCard_connection\n    }\n    xeroCallbackOrigin\n    xeroConnectionAwaitingChoice\n  }\n": types.XeroConnectionDocument,
    "\n  subscription XeroConnectionUpdated {\n    xeroConnectionUpdated {\n      ...XeroConnectionCard_connection\n    }\n  }\n": types.XeroConnectionUpdatedDocument,
    "\n  mutation CancelXeroConnection($attemptId: ID!) {\n    cancelXeroConnection(attemptId: $attemptId)\n  }\n": types.CancelXeroConnectionDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Attention_counts on Attention {\n    awaitingReview\n    awaitingReviewBankChanges\n    awaitingReviewHighRisk\n    failedSyncs\n    invitesLocked\n    invitesExpiringSoon\n    paymentHolds\n    countedAt\n    xero {\n      status\n      tenantName\n      needsAttention\n      lastError\n    }\n  }\n"): (typeof documents)["\n  fragment Attention_counts on Attention {\n    awaitingReview\n    awaitingReviewBankChanges\n    awaitingReviewHighRisk\n    failedSyncs\n    invitesLocked\n    invitesExpiringSoon\n    paymentHolds\n    countedAt\n    xero {\n      status\n      tenantName\n      needsAttention\n      lastError\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Attention {\n    attention {\n      ...Attention_counts\n    }\n  }\n"): (typeof documents)["\n  query Attention {\n    attention {\n      ...Attention_counts\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AttentionUpdated {\n    attentionUpdated {\n      ...Attention_counts\n    }\n  }\n"): (typeof documents)["\n  subscription AttentionUpdated {\n    attentionUpdated {\n      ...Attention_counts\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ErrorExtensions_contract on ErrorExtensions {\n    code\n    reason\n    fields {\n      field\n      message\n    }\n    retryAfterSeconds\n    errorId\n  }\n"): (typeof documents)["\n  fragment ErrorExtensions_contract on ErrorExtensions {\n    code\n    reason\n    fields {\n      field\n      message\n    }\n    retryAfterSeconds\n    errorId\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      otherSessionsEnded\n    }\n  }\n"): (typeof documents)["\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      otherSessionsEnded\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmSignUp($token: String!) {\n    confirmSignUp(token: $token) {\n      user {\n        ...CurrentUser_user\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmSignUp($token: String!) {\n    confirmSignUp(token: $token) {\n      user {\n        ...CurrentUser_user\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EmailVerified {\n    me {\n      id\n      emailVerified\n    }\n  }\n"): (typeof documents)["\n  query EmailVerified {\n    me {\n      id\n      emailVerified\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendEmailVerification {\n    sendEmailVerification\n  }\n"): (typeof documents)["\n  mutation SendEmailVerification {\n    sendEmailVerification\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token)\n  }\n"): (typeof documents)["\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) {\n      sentTo\n    }\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) {\n      sentTo\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      email\n    }\n  }\n"): (typeof documents)["\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionsSection_session on ActiveSession {\n    id\n    browser\n    ip\n    signedInAt\n    lastSeenAt\n    current\n  }\n"): (typeof documents)["\n  fragment SessionsSection_session on ActiveSession {\n    id\n    browser\n    ip\n    signedInAt\n    lastSeenAt\n    current\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySessions {\n    mySessions {\n      ...SessionsSection_session\n    }\n  }\n"): (typeof documents)["\n  query MySessions {\n    mySessions {\n      ...SessionsSection_session\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndSession($id: ID!) {\n    endSession(id: $id)\n  }\n"): (typeof documents)["\n  mutation EndSession($id: ID!) {\n    endSession(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndOtherSessions {\n    endOtherSessions\n  }\n"): (typeof documents)["\n  mutation EndOtherSessions {\n    endOtherSessions\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganisationSettings {\n    me {\n      id\n      organisation {\n        id\n        requireSecondApproverForBankChanges\n        paymentHoldDays\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganisationSettings {\n    me {\n      id\n      organisation {\n        id\n        requireSecondApproverForBankChanges\n        paymentHoldDays\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateOrganisationSettings($requireSecondApproverForBankChanges: Boolean, $paymentHoldDays: Int) {\n    updateOrganisationSettings(requireSecondApproverForBankChanges: $requireSecondApproverForBankChanges, paymentHoldDays: $paymentHoldDays) {\n      id\n      requireSecondApproverForBankChanges\n      paymentHoldDays\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateOrganisationSettings($requireSecondApproverForBankChanges: Boolean, $paymentHoldDays: Int) {\n    updateOrganisationSettings(requireSecondApproverForBankChanges: $requireSecondApproverForBankChanges, paymentHoldDays: $paymentHoldDays) {\n      id\n      requireSecondApproverForBankChanges\n      paymentHoldDays\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        ...CurrentUser_user\n      }\n      secondFactor {\n        methods\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        ...CurrentUser_user\n      }\n      secondFactor {\n        methods\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        ...CurrentUser_user\n      }\n      confirmationSentTo\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        ...CurrentUser_user\n      }\n      confirmationSentTo\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CurrentUser_user on User {\n    id\n    name\n    email\n    role\n    twoFactorEnrolmentRequired\n    organisation {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment CurrentUser_user on User {\n    id\n    name\n    email\n    role\n    twoFactorEnrolmentRequired\n    organisation {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...CurrentUser_user\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...CurrentUser_user\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiKeysSection_apiKey on ApiKey {\n    id\n    name\n    prefix\n    scope\n    canReadBankDetails\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n"): (typeof documents)["\n  fragment ApiKeysSection_apiKey on ApiKey {\n    id\n    name\n    prefix\n    scope\n    canReadBankDetails\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys {\n    apiKeys {\n      ...ApiKeysSection_apiKey\n    }\n  }\n"): (typeof documents)["\n  query ApiKeys {\n    apiKeys {\n      ...ApiKeysSection_apiKey\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($name: String!, $scope: ApiKeyScope!, $canReadBankDetails: Boolean!) {\n    createApiKey(name: $name, scope: $scope, canReadBankDetails: $canReadBankDetails) {\n      apiKey {\n        ...ApiKeysSection_apiKey\n      }\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($name: String!, $scope: ApiKeyScope!, $canReadBankDetails: Boolean!) {\n    createApiKey(name: $name, scope: $scope, canReadBankDetails: $canReadBankDetails) {\n      apiKey {\n        ...ApiKeysSection_apiKey\n      }\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeysSection_apiKey\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      ...ApiKeysSection_apiKey\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganisationAuditLog($first: Int!, $after: String, $actorId: ID, $kind: String, $from: DateTimeISO, $to: DateTimeISO) {\n    organisationAuditEvents(first: $first, after: $after, actorId: $actorId, kind: $kind, from: $from, to: $to) {\n      edges {\n        cursor\n        node {\n          id\n          at\n          kind\n          summary\n          actorType\n          actorLabel\n          supplier {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganisationAuditLog($first: Int!, $after: String, $actorId: ID, $kind: String, $from: DateTimeISO, $to: DateTimeISO) {\n    organisationAuditEvents(first: $first, after: $after, actorId: $actorId, kind: $kind, from: $from, to: $to) {\n      edges {\n        cursor\n        node {\n          id\n          at\n          kind\n          summary\n          actorType\n          actorLabel\n          supplier {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLogFilters {\n    organisationAuditFilters {\n      people {\n        id\n        name\n      }\n      kinds\n    }\n  }\n"): (typeof documents)["\n  query AuditLogFilters {\n    organisationAuditFilters {\n      people {\n        id\n        name\n      }\n      kinds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupplierPageSettings {\n    me {\n      id\n      organisation {\n        id\n        branding {\n          ...SupplierBrand_branding\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SupplierPageSettings {\n    me {\n      id\n      organisation {\n        id\n        branding {\n          ...SupplierBrand_branding\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSupplierContact($input: SupplierContactInput!) {\n    updateSupplierContact(input: $input) {\n      id\n      branding {\n        ...SupplierBrand_branding\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateSupplierContact($input: SupplierContactInput!) {\n    updateSupplierContact(input: $input) {\n      id\n      branding {\n        ...SupplierBrand_branding\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetOrganisationLogo($image: String!) {\n    setOrganisationLogo(image: $image) {\n      id\n      branding {\n        ...SupplierBrand_branding\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetOrganisationLogo($image: String!) {\n    setOrganisationLogo(image: $image) {\n      id\n      branding {\n        ...SupplierBrand_branding\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveOrganisationLogo {\n    removeOrganisationLogo {\n      id\n      branding {\n        ...SupplierBrand_branding\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveOrganisationLogo {\n    removeOrganisationLogo {\n      id\n      branding {\n        ...SupplierBrand_branding\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SupplierBrand_branding on OrganisationBranding {\n    name\n    logoUrl\n    contactName\n    contactPhone\n    contactEmail\n  }\n"): (typeof documents)["\n  fragment SupplierBrand_branding on OrganisationBranding {\n    name\n    logoUrl\n    contactName\n    contactPhone\n    contactEmail\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HomeCounts {\n    supplierFilterCounts {\n      total\n      notInvited\n    }\n  }\n"): (typeof documents)["\n  query HomeCounts {\n    supplierFilterCounts {\n      total\n      notInvited\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BulkInviteSuppliers($supplierIds: [ID!]!, $replaceLiveInvites: Boolean!) {\n    inviteSuppliers(supplierIds: $supplierIds, replaceLiveInvites: $replaceLiveInvites) {\n      outcome\n      supplier {\n        id\n        name\n        inviteStatus\n        latestInvite {\n          id\n          status\n        }\n      }\n      invite {\n        id\n        email\n        emailed\n      }\n      link\n    }\n  }\n"): (typeof documents)["\n  mutation BulkInviteSuppliers($supplierIds: [ID!]!, $replaceLiveInvites: Boolean!) {\n    inviteSuppliers(supplierIds: $supplierIds, replaceLiveInvites: $replaceLiveInvites) {\n      outcome\n      supplier {\n        id\n        name\n        inviteStatus\n        latestInvite {\n          id\n          status\n        }\n      }\n      invite {\n        id\n        email\n        emailed\n      }\n      link\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BulkInvitePreview($filter: SupplierFilterInput!, $replaceLiveInvites: Boolean!) {\n    bulkInvitePreview(filter: $filter, replaceLiveInvites: $replaceLiveInvites) {\n      matching\n      toInvite\n      liveInvite\n      noEmail\n      limit\n    }\n  }\n"): (typeof documents)["\n  query BulkInvitePreview($filter: SupplierFilterInput!, $replaceLiveInvites: Boolean!) {\n    bulkInvitePreview(filter: $filter, replaceLiveInvites: $replaceLiveInvites) {\n      matching\n      toInvite\n      liveInvite\n      noEmail\n      limit\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteMatchingSuppliers($filter: SupplierFilterInput!, $replaceLiveInvites: Boolean!) {\n    inviteMatchingSuppliers(filter: $filter, replaceLiveInvites: $replaceLiveInvites) {\n      invited\n      skippedLiveInvite\n      skippedNoEmail\n      emailed\n      results {\n        supplier {\n          id\n          name\n          inviteStatus\n          inviteExpiresAt\n        }\n        invite {\n          id\n          email\n        }\n        link\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation InviteMatchingSuppliers($filter: SupplierFilterInput!, $replaceLiveInvites: Boolean!) {\n    inviteMatchingSuppliers(filter: $filter, replaceLiveInvites: $replaceLiveInvites) {\n      invited\n      skippedLiveInvite\n      skippedNoEmail\n      emailed\n      results {\n        supplier {\n          id\n          name\n          inviteStatus\n          inviteExpiresAt\n        }\n        invite {\n          id\n          email\n        }\n        link\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupplierInvite($token: String!) {\n    supplierInvite(token: $token) {\n      organisationName\n      supplierName\n      emailHint\n      status\n      expiresAt\n      verified\n      organisation {\n        ...SupplierBrand_branding\n      }\n    }\n  }\n"): (typeof documents)["\n  query SupplierInvite($token: String!) {\n    supplierInvite(token: $token) {\n      organisationName\n      supplierName\n      emailHint\n      status\n      expiresAt\n      verified\n      organisation {\n        ...SupplierBrand_branding\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupplierInviteSender($token: String!) {\n    supplierInviteSender(token: $token) {\n      ...SupplierBrand_branding\n    }\n  }\n"): (typeof documents)["\n  query SupplierInviteSender($token: String!) {\n    supplierInviteSender(token: $token) {\n      ...SupplierBrand_branding\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InvitePanel_supplier on Supplier {\n    id\n    name\n    email\n    latestInvite {\n      ...InvitePanel_invite\n    }\n  }\n"): (typeof documents)["\n  fragment InvitePanel_supplier on Supplier {\n    id\n    name\n    email\n    latestInvite {\n      ...InvitePanel_invite\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InvitePanel_invite on Invite {\n    id\n    status\n    email\n    expiresAt\n    lastSentAt\n    emailed\n    remindersSent\n    openedAt\n    verifiedAt\n    submittedAt\n    revokedAt\n  }\n"): (typeof documents)["\n  fragment InvitePanel_invite on Invite {\n    id\n    status\n    email\n    expiresAt\n    lastSentAt\n    emailed\n    remindersSent\n    openedAt\n    verifiedAt\n    submittedAt\n    revokedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupplierDetails($token: String!) {\n    supplierDetails(token: $token) {\n      organisationName\n      details\n      latestSubmission {\n        status\n        submittedAt\n        decidedAt\n        rejectReason\n        includesBankDetails\n        bankDetailsMasked\n        details\n      }\n    }\n  }\n"): (typeof documents)["\n  query SupplierDetails($token: String!) {\n    supplierDetails(token: $token) {\n      organisationName\n      details\n      latestSubmission {\n        status\n        submittedAt\n        decidedAt\n        rejectReason\n        includesBankDetails\n        bankDetailsMasked\n        details\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitSupplierDetails($token: String!, $input: SupplierDetailsInput!) {\n    submitSupplierDetails(token: $token, input: $input) {\n      submittedAt\n      bankDetailsMasked\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitSupplierDetails($token: String!, $input: SupplierDetailsInput!) {\n    submitSupplierDetails(token: $token, input: $input) {\n      submittedAt\n      bankDetailsMasked\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendSupplierCode($token: String!) {\n    sendSupplierCode(token: $token) {\n      sentTo\n      devCode\n    }\n  }\n"): (typeof documents)["\n  mutation SendSupplierCode($token: String!) {\n    sendSupplierCode(token: $token) {\n      sentTo\n      devCode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifySupplierCode($token: String!, $code: String!) {\n    verifySupplierCode(token: $token, code: $code) {\n      organisationName\n    }\n  }\n"): (typeof documents)["\n  mutation VerifySupplierCode($token: String!, $code: String!) {\n    verifySupplierCode(token: $token, code: $code) {\n      organisationName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteSuppliers($supplierIds: [ID!]!, $email: String) {\n    inviteSuppliers(supplierIds: $supplierIds, email: $email) {\n      outcome\n      supplier {\n        id\n        latestInvite {\n          ...InvitePanel_invite\n        }\n      }\n      invite {\n        id\n      }\n      link\n    }\n  }\n"): (typeof documents)["\n  mutation InviteSuppliers($supplierIds: [ID!]!, $email: String) {\n    inviteSuppliers(supplierIds: $supplierIds, email: $email) {\n      outcome\n      supplier {\n        id\n        latestInvite {\n          ...InvitePanel_invite\n        }\n      }\n      invite {\n        id\n      }\n      link\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendInvite($inviteId: ID!) {\n    resendInvite(inviteId: $inviteId) {\n      supplier {\n        id\n        latestInvite {\n          ...InvitePanel_invite\n        }\n      }\n      link\n    }\n  }\n"): (typeof documents)["\n  mutation ResendInvite($inviteId: ID!) {\n    resendInvite(inviteId: $inviteId) {\n      supplier {\n        id\n        latestInvite {\n          ...InvitePanel_invite\n        }\n      }\n      link\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvite($inviteId: ID!) {\n    revokeInvite(inviteId: $inviteId) {\n      ...InvitePanel_invite\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeInvite($inviteId: ID!) {\n    revokeInvite(inviteId: $inviteId) {\n      ...InvitePanel_invite\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnlockInvite($inviteId: ID!) {\n    unlockInvite(inviteId: $inviteId) {\n      ...InvitePanel_invite\n    }\n  }\n"): (typeof documents)["\n  mutation UnlockInvite($inviteId: ID!) {\n    unlockInvite(inviteId: $inviteId) {\n      ...InvitePanel_invite\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordBankCallback($id: ID!, $phoneNumber: String!, $note: String!) {\n    recordBankCallback(changeRequestId: $id, phoneNumber: $phoneNumber, note: $note) {\n      ...ReviewPanel_changeRequest\n    }\n  }\n"): (typeof documents)["\n  mutation RecordBankCallback($id: ID!, $phoneNumber: String!, $note: String!) {\n    recordBankCallback(changeRequestId: $id, phoneNumber: $phoneNumber, note: $note) {\n      ...ReviewPanel_changeRequest\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChangeRequestHistory_changeRequest on ChangeRequest {\n    id\n    status\n    submittedAt\n    decidedAt\n    rejectReason\n  }\n"): (typeof documents)["\n  fragment ChangeRequestHistory_changeRequest on ChangeRequest {\n    id\n    status\n    submittedAt\n    decidedAt\n    rejectReason\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReviewPanel_changeRequest on ChangeRequest {\n    id\n    status\n    submittedAt\n    submitterIp\n    submitterUserAgent\n    changesBankDetails\n    highRisk\n    approvalsNeeded\n    riskOverrideReason\n    riskSignals {\n      code\n      level\n      message\n    }\n    callbackNumbers {\n      number\n      label\n    }\n    bankConfirmations {\n      confirmedByName\n      confirmedAt\n      phoneNumber\n      phoneSource\n      phoneLabel\n      note\n    }\n    approvals {\n      userId\n      userName\n      at\n    }\n    changes {\n      field\n      label\n      before\n      after\n      isBankDetail\n    }\n    unchanged {\n      field\n      label\n      value\n      isBankDetail\n    }\n  }\n"): (typeof documents)["\n  fragment ReviewPanel_changeRequest on ChangeRequest {\n    id\n    status\n    submittedAt\n    submitterIp\n    submitterUserAgent\n    changesBankDetails\n    highRisk\n    approvalsNeeded\n    riskOverrideReason\n    riskSignals {\n      code\n      level\n      message\n    }\n    callbackNumbers {\n      number\n      label\n    }\n    bankConfirmations {\n      confirmedByName\n      confirmedAt\n      phoneNumber\n      phoneSource\n      phoneLabel\n      note\n    }\n    approvals {\n      userId\n      userName\n      at\n    }\n    changes {\n      field\n      label\n      before\n      after\n      isBankDetail\n    }\n    unchanged {\n      field\n      label\n      value\n      isBankDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupplierTimeline($id: ID!, $first: Int!, $after: String) {\n    supplier(id: $id) {\n      id\n      auditEvents(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            kind\n            summary\n            actorType\n            actorLabel\n            at\n            before\n            after\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SupplierTimeline($id: ID!, $first: Int!, $after: String) {\n    supplier(id: $id) {\n      id\n      auditEvents(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            kind\n            summary\n            actorType\n            actorLabel\n            at\n            before\n            after\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptChangeRequest($id: ID!, $overrideReason: String) {\n    acceptChangeRequest(id: $id, overrideReason: $overrideReason) {\n      ...ReviewPanel_changeRequest\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptChangeRequest($id: ID!, $overrideReason: String) {\n    acceptChangeRequest(id: $id, overrideReason: $overrideReason) {\n      ...ReviewPanel_changeRequest\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectChangeRequest($id: ID!, $reason: String!) {\n    rejectChangeRequest(id: $id, reason: $reason) {\n      id\n      status\n      rejectReason\n      rejectReasonEmailed\n      decidedAt\n    }\n  }\n"): (typeof documents)["\n  mutation RejectChangeRequest($id: ID!, $reason: String!) {\n    rejectChangeRequest(id: $id, reason: $reason) {\n      id\n      status\n      rejectReason\n      rejectReasonEmailed\n      decidedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TwoFactorStatus_status on TwoFactorStatus {\n    totpEnabled\n    recoveryCodesRemaining\n    enrolmentRequired\n    organisationRequiresTwoFactor\n    verifiedAt\n    stepUpValidUntil\n    passkeys {\n      id\n      name\n      createdAt\n      lastUsedAt\n    }\n  }\n"): (typeof documents)["\n  fragment TwoFactorStatus_status on TwoFactorStatus {\n    totpEnabled\n    recoveryCodesRemaining\n    enrolmentRequired\n    organisationRequiresTwoFactor\n    verifiedAt\n    stepUpValidUntil\n    passkeys {\n      id\n      name\n      createdAt\n      lastUsedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TwoFactorStatus {\n    twoFactorStatus {\n      ...TwoFactorStatus_status\n    }\n  }\n"): (typeof documents)["\n  query TwoFactorStatus {\n    twoFactorStatus {\n      ...TwoFactorStatus_status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartTotpEnrolment {\n    startTotpEnrolment {\n      secret\n      otpauthUri\n      qrCode\n    }\n  }\n"): (typeof documents)["\n  mutation StartTotpEnrolment {\n    startTotpEnrolment {\n      secret\n      otpauthUri\n      qrCode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmTotpEnrolment($code: String!) {\n    confirmTotpEnrolment(code: $code) {\n      recoveryCodes\n      status {\n        ...TwoFactorStatus_status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmTotpEnrolment($code: String!) {\n    confirmTotpEnrolment(code: $code) {\n      recoveryCodes\n      status {\n        ...TwoFactorStatus_status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveTotp {\n    removeTotp {\n      ...TwoFactorStatus_status\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveTotp {\n    removeTotp {\n      ...TwoFactorStatus_status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegenerateRecoveryCodes {\n    regenerateRecoveryCodes {\n      recoveryCodes\n      status {\n        ...TwoFactorStatus_status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RegenerateRecoveryCodes {\n    regenerateRecoveryCodes {\n      recoveryCodes\n      status {\n        ...TwoFactorStatus_status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartPasskeyRegistration {\n    startPasskeyRegistration {\n      options\n    }\n  }\n"): (typeof documents)["\n  mutation StartPasskeyRegistration {\n    startPasskeyRegistration {\n      options\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FinishPasskeyRegistration($response: JSON!, $name: String!) {\n    finishPasskeyRegistration(response: $response, name: $name) {\n      recoveryCodes\n      status {\n        ...TwoFactorStatus_status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation FinishPasskeyRegistration($response: JSON!, $name: String!) {\n    finishPasskeyRegistration(response: $response, name: $name) {\n      recoveryCodes\n      status {\n        ...TwoFactorStatus_status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemovePasskey($id: ID!) {\n    removePasskey(id: $id) {\n      ...TwoFactorStatus_status\n    }\n  }\n"): (typeof documents)["\n  mutation RemovePasskey($id: ID!) {\n    removePasskey(id: $id) {\n      ...TwoFactorStatus_status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyStepUp($code: String, $recoveryCode: String) {\n    verifyStepUp(code: $code, recoveryCode: $recoveryCode) {\n      ...TwoFactorStatus_status\n    }\n  }\n"): (typeof documents)["\n  mutation VerifyStepUp($code: String, $recoveryCode: String) {\n    verifyStepUp(code: $code, recoveryCode: $recoveryCode) {\n      ...TwoFactorStatus_status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartPasskeyStepUp {\n    startPasskeyStepUp {\n      options\n    }\n  }\n"): (typeof documents)["\n  mutation StartPasskeyStepUp {\n    startPasskeyStepUp {\n      options\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FinishPasskeyStepUp($response: JSON!) {\n    finishPasskeyStepUp(response: $response) {\n      ...TwoFactorStatus_status\n    }\n  }\n"): (typeof documents)["\n  mutation FinishPasskeyStepUp($response: JSON!) {\n    finishPasskeyStepUp(response: $response) {\n      ...TwoFactorStatus_status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifySignInCode($code: String, $recoveryCode: String) {\n    verifySignInCode(code: $code, recoveryCode: $recoveryCode) {\n      user {\n        ...CurrentUser_user\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation VerifySignInCode($code: String, $recoveryCode: String) {\n    verifySignInCode(code: $code, recoveryCode: $recoveryCode) {\n      user {\n        ...CurrentUser_user\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartPasskeySignIn($secondFactor: Boolean!) {\n    startPasskeySignIn(secondFactor: $secondFactor) {\n      options\n    }\n  }\n"): (typeof documents)["\n  mutation StartPasskeySignIn($secondFactor: Boolean!) {\n    startPasskeySignIn(secondFactor: $secondFactor) {\n      options\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FinishPasskeySignIn($response: JSON!) {\n    finishPasskeySignIn(response: $response) {\n      user {\n        ...CurrentUser_user\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation FinishPasskeySignIn($response: JSON!) {\n    finishPasskeySignIn(response: $response) {\n      user {\n        ...CurrentUser_user\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequireTwoFactor($requireTwoFactor: Boolean!) {\n    updateOrganisationSettings(requireTwoFactor: $requireTwoFactor) {\n      id\n      requireTwoFactor\n    }\n  }\n"): (typeof documents)["\n  mutation RequireTwoFactor($requireTwoFactor: Boolean!) {\n    updateOrganisationSettings(requireTwoFactor: $requireTwoFactor) {\n      id\n      requireTwoFactor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupplierPage($id: ID!) {\n    supplier(id: $id) {\n      id\n      name\n      firstName\n      lastName\n      email\n      status\n      taxNumber\n      companyNumber\n      bankAccountDetails\n      bankDetailsVerified\n      bankDetailsVerifiedAt\n      bankDetailsStatus\n      paymentHoldUntil\n      hasBankDetailDrift\n      xeroContactId\n      phones {\n        type\n        number\n        areaCode\n        countryCode\n      }\n      addresses {\n        type\n        line1\n        line2\n        line3\n        line4\n        city\n        region\n        postalCode\n        country\n        attentionTo\n      }\n      contactPersons {\n        firstName\n        lastName\n        email\n      }\n      drift {\n        id\n        field\n        vouchValue\n        xeroValue\n        isBankDetail\n        lastSeenAt\n      }\n      pendingChangeRequest {\n        ...ReviewPanel_changeRequest\n      }\n      changeRequests {\n        ...ChangeRequestHistory_changeRequest\n      }\n      ...InvitePanel_supplier\n    }\n  }\n"): (typeof documents)["\n  query SupplierPage($id: ID!) {\n    supplier(id: $id) {\n      id\n      name\n      firstName\n      lastName\n      email\n      status\n      taxNumber\n      companyNumber\n      bankAccountDetails\n      bankDetailsVerified\n      bankDetailsVerifiedAt\n      bankDetailsStatus\n      paymentHoldUntil\n      hasBankDetailDrift\n      xeroContactId\n      phones {\n        type\n        number\n        areaCode\n        countryCode\n      }\n      addresses {\n        type\n        line1\n        line2\n        line3\n        line4\n        city\n        region\n        postalCode\n        country\n        attentionTo\n      }\n      contactPersons {\n        firstName\n        lastName\n        email\n      }\n      drift {\n        id\n        field\n        vouchValue\n        xeroValue\n        isBankDetail\n        lastSeenAt\n      }\n      pendingChangeRequest {\n        ...ReviewPanel_changeRequest\n      }\n      changeRequests {\n        ...ChangeRequestHistory_changeRequest\n      }\n      ...InvitePanel_supplier\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SupplierTable_supplier on Supplier {\n    id\n    name\n    email\n    status\n    hasDrift\n    inviteStatus\n    inviteExpiresAt\n    awaitingReview\n    syncStatus\n    paymentHoldUntil\n    bankState\n    lastActivity\n    lastActivityAt\n  }\n"): (typeof documents)["\n  fragment SupplierTable_supplier on Supplier {\n    id\n    name\n    email\n    status\n    hasDrift\n    inviteStatus\n    inviteExpiresAt\n    awaitingReview\n    syncStatus\n    paymentHoldUntil\n    bankState\n    lastActivity\n    lastActivityAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupplierList(\n    $first: Int!\n    $after: String\n    $search: String\n    $includeArchived: Boolean! = false\n    $inviteStatus: InviteStatus\n    $notInvited: Boolean\n    $inviteExpiringSoon: Boolean\n    $awaitingReview: Boolean\n    $hasDrift: Boolean\n    $syncStatus: SyncStatus\n    $bankState: BankDetailsState\n    $sort: SupplierSort! = NAME_ASC\n  ) {\n    suppliers(\n      first: $first\n      after: $after\n      search: $search\n      includeArchived: $includeArchived\n      inviteStatus: $inviteStatus\n      notInvited: $notInvited\n      inviteExpiringSoon: $inviteExpiringSoon\n      awaitingReview: $awaitingReview\n      hasDrift: $hasDrift\n      syncStatus: $syncStatus\n      bankState: $bankState\n      sort: $sort\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...SupplierTable_supplier\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SupplierList(\n    $first: Int!\n    $after: String\n    $search: String\n    $includeArchived: Boolean! = false\n    $inviteStatus: InviteStatus\n    $notInvited: Boolean\n    $inviteExpiringSoon: Boolean\n    $awaitingReview: Boolean\n    $hasDrift: Boolean\n    $syncStatus: SyncStatus\n    $bankState: BankDetailsState\n    $sort: SupplierSort! = NAME_ASC\n  ) {\n    suppliers(\n      first: $first\n      after: $after\n      search: $search\n      includeArchived: $includeArchived\n      inviteStatus: $inviteStatus\n      notInvited: $notInvited\n      inviteExpiringSoon: $inviteExpiringSoon\n      awaitingReview: $awaitingReview\n      hasDrift: $hasDrift\n      syncStatus: $syncStatus\n      bankState: $bankState\n      sort: $sort\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...SupplierTable_supplier\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupplierFilterCounts($search: String, $includeArchived: Boolean! = false) {\n    supplierFilterCounts(search: $search, includeArchived: $includeArchived) {\n      total\n      notInvited\n      inviteExpiringSoon\n      awaitingReview\n      hasDrift\n      byInviteStatus {\n        status\n        count\n      }\n      bySyncStatus {\n        status\n        count\n      }\n      byBankState {\n        state\n        count\n      }\n    }\n  }\n"): (typeof documents)["\n  query SupplierFilterCounts($search: String, $includeArchived: Boolean! = false) {\n    supplierFilterCounts(search: $search, includeArchived: $includeArchived) {\n      total\n      notInvited\n      inviteExpiringSoon\n      awaitingReview\n      hasDrift\n      byInviteStatus {\n        status\n        count\n      }\n      bySyncStatus {\n        status\n        count\n      }\n      byBankState {\n        state\n        count\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SupplierAdded {\n    supplierAdded {\n      ...SupplierTable_supplier\n    }\n  }\n"): (typeof documents)["\n  subscription SupplierAdded {\n    supplierAdded {\n      ...SupplierTable_supplier\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupplierSyncBlock($id: ID!) {\n    supplier(id: $id) {\n      id\n      syncStatus\n      sync {\n        status\n        acceptedAt\n        syncedAt\n        error\n        errorSource\n        attempts\n      }\n    }\n  }\n"): (typeof documents)["\n  query SupplierSyncBlock($id: ID!) {\n    supplier(id: $id) {\n      id\n      syncStatus\n      sync {\n        status\n        acceptedAt\n        syncedAt\n        error\n        errorSource\n        attempts\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FailedSyncs($first: Int!) {\n    failedSyncs(first: $first) {\n      supplier {\n        id\n        name\n        syncStatus\n      }\n      error\n      errorSource\n      failedAt\n    }\n  }\n"): (typeof documents)["\n  query FailedSyncs($first: Int!) {\n    failedSyncs(first: $first) {\n      supplier {\n        id\n        name\n        syncStatus\n      }\n      error\n      errorSource\n      failedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SyncPanel_overview on SyncOverview {\n    queueDepth\n    oldestPendingAt\n    lastSuccessAt\n    failedCount\n  }\n"): (typeof documents)["\n  fragment SyncPanel_overview on SyncOverview {\n    queueDepth\n    oldestPendingAt\n    lastSuccessAt\n    failedCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SyncOverview {\n    syncOverview {\n      ...SyncPanel_overview\n    }\n  }\n"): (typeof documents)["\n  query SyncOverview {\n    syncOverview {\n      ...SyncPanel_overview\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SyncUpdated {\n    syncUpdated {\n      supplierIds\n      overview {\n        ...SyncPanel_overview\n      }\n      suppliers {\n        id\n        syncStatus\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription SyncUpdated {\n    syncUpdated {\n      supplierIds\n      overview {\n        ...SyncPanel_overview\n      }\n      suppliers {\n        id\n        syncStatus\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetrySupplierSync($supplierId: ID!) {\n    retrySupplierSync(supplierId: $supplierId) {\n      id\n      syncStatus\n      sync {\n        status\n        syncedAt\n        error\n        errorSource\n        attempts\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RetrySupplierSync($supplierId: ID!) {\n    retrySupplierSync(supplierId: $supplierId) {\n      id\n      syncStatus\n      sync {\n        status\n        syncedAt\n        error\n        errorSource\n        attempts\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamInvitePreview($token: String!) {\n    teamInvitePreview(token: $token) {\n      organisationName\n      email\n      role\n      invitedByName\n    }\n  }\n"): (typeof documents)["\n  query TeamInvitePreview($token: String!) {\n    teamInvitePreview(token: $token) {\n      organisationName\n      email\n      role\n      invitedByName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptTeamInvite($input: AcceptTeamInviteInput!) {\n    acceptTeamInvite(input: $input) {\n      user {\n        ...CurrentUser_user\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptTeamInvite($input: AcceptTeamInviteInput!) {\n    acceptTeamInvite(input: $input) {\n      user {\n        ...CurrentUser_user\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOutToJoin {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOutToJoin {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteTeammate($input: InviteTeammateInput!) {\n    inviteTeammate(input: $input) {\n      invite {\n        ...TeamPage_invite\n      }\n      link\n    }\n  }\n"): (typeof documents)["\n  mutation InviteTeammate($input: InviteTeammateInput!) {\n    inviteTeammate(input: $input) {\n      invite {\n        ...TeamPage_invite\n      }\n      link\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendTeamInvite($id: ID!) {\n    resendTeamInvite(id: $id) {\n      invite {\n        ...TeamPage_invite\n      }\n      link\n    }\n  }\n"): (typeof documents)["\n  mutation ResendTeamInvite($id: ID!) {\n    resendTeamInvite(id: $id) {\n      invite {\n        ...TeamPage_invite\n      }\n      link\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawTeamInvite($id: ID!) {\n    withdrawTeamInvite(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawTeamInvite($id: ID!) {\n    withdrawTeamInvite(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeTeamMemberRole($userId: ID!, $role: Role!) {\n    changeTeamMemberRole(userId: $userId, role: $role) {\n      ...TeamPage_member\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeTeamMemberRole($userId: ID!, $role: Role!) {\n    changeTeamMemberRole(userId: $userId, role: $role) {\n      ...TeamPage_member\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveTeamMember($userId: ID!) {\n    removeTeamMember(userId: $userId) {\n      removedUserId\n      sessionsEnded\n      apiKeysRevoked\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveTeamMember($userId: ID!) {\n    removeTeamMember(userId: $userId) {\n      removedUserId\n      sessionsEnded\n      apiKeysRevoked\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetTeamMemberTwoFactor($userId: ID!) {\n    resetTeamMemberTwoFactor(userId: $userId) {\n      userId\n      sessionsEnded\n    }\n  }\n"): (typeof documents)["\n  mutation ResetTeamMemberTwoFactor($userId: ID!) {\n    resetTeamMemberTwoFactor(userId: $userId) {\n      userId\n      sessionsEnded\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TeamPage_member on TeamMember {\n    id\n    name\n    email\n    role\n    joinedAt\n    isYou\n    twoFactorEnabled\n  }\n"): (typeof documents)["\n  fragment TeamPage_member on TeamMember {\n    id\n    name\n    email\n    role\n    joinedAt\n    isYou\n    twoFactorEnabled\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TeamPage_invite on TeamInvite {\n    id\n    email\n    role\n    invitedByName\n    lastSentAt\n    expiresAt\n    expired\n    emailed\n  }\n"): (typeof documents)["\n  fragment TeamPage_invite on TeamInvite {\n    id\n    email\n    role\n    invitedByName\n    lastSentAt\n    expiresAt\n    expired\n    emailed\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamMembers {\n    teamMembers {\n      ...TeamPage_member\n    }\n  }\n"): (typeof documents)["\n  query TeamMembers {\n    teamMembers {\n      ...TeamPage_member\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamInvites {\n    teamInvites {\n      ...TeamPage_invite\n    }\n  }\n"): (typeof documents)["\n  query TeamInvites {\n    teamInvites {\n      ...TeamPage_invite\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDeliveries($endpointId: ID!) {\n    webhookDeliveries(endpointId: $endpointId, first: 25) {\n      id\n      webhookId\n      eventType\n      status\n      attempts\n      responseStatus\n      lastError\n      durationMs\n      createdAt\n      lastAttemptAt\n      nextAttemptAt\n      isRedelivery\n    }\n  }\n"): (typeof documents)["\n  query WebhookDeliveries($endpointId: ID!) {\n    webhookDeliveries(endpointId: $endpointId, first: 25) {\n      id\n      webhookId\n      eventType\n      status\n      attempts\n      responseStatus\n      lastError\n      durationMs\n      createdAt\n      lastAttemptAt\n      nextAttemptAt\n      isRedelivery\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        ...WebhooksSection_endpoint\n      }\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        ...WebhooksSection_endpoint\n      }\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWebhookEndpoint($id: ID!, $input: CreateWebhookEndpointInput!) {\n    updateWebhookEndpoint(id: $id, input: $input) {\n      ...WebhooksSection_endpoint\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateWebhookEndpoint($id: ID!, $input: CreateWebhookEndpointInput!) {\n    updateWebhookEndpoint(id: $id, input: $input) {\n      ...WebhooksSection_endpoint\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhooksSection_endpoint on WebhookEndpoint {\n    id\n    url\n    description\n    eventTypes\n    canReadBankDetails\n    status\n    disabledReason\n    failingSince\n    lastSuccessAt\n    createdAt\n    previousSecretValidUntil\n  }\n"): (typeof documents)["\n  fragment WebhooksSection_endpoint on WebhookEndpoint {\n    id\n    url\n    description\n    eventTypes\n    canReadBankDetails\n    status\n    disabledReason\n    failingSince\n    lastSuccessAt\n    createdAt\n    previousSecretValidUntil\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookEndpoints {\n    webhookEndpoints {\n      ...WebhooksSection_endpoint\n    }\n  }\n"): (typeof documents)["\n  query WebhookEndpoints {\n    webhookEndpoints {\n      ...WebhooksSection_endpoint\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetWebhookEndpointEnabled($id: ID!, $enabled: Boolean!) {\n    setWebhookEndpointEnabled(id: $id, enabled: $enabled) {\n      ...WebhooksSection_endpoint\n    }\n  }\n"): (typeof documents)["\n  mutation SetWebhookEndpointEnabled($id: ID!, $enabled: Boolean!) {\n    setWebhookEndpointEnabled(id: $id, enabled: $enabled) {\n      ...WebhooksSection_endpoint\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendWebhookTestEvent($endpointId: ID!) {\n    sendWebhookTestEvent(endpointId: $endpointId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation SendWebhookTestEvent($endpointId: ID!) {\n    sendWebhookTestEvent(endpointId: $endpointId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      endpoint {\n        ...WebhooksSection_endpoint\n      }\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      endpoint {\n        ...WebhooksSection_endpoint\n      }\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment XeroConnectionCard_connection on XeroConnection {\n    id\n    status\n    tenantId\n    tenantName\n    connectedAt\n    lastSuccessfulPollAt\n    nextPollAt\n    lastError\n    apiHeadroom {\n      minuteRemaining\n      dayRemaining\n      appMinuteRemaining\n      observedAt\n    }\n    ...XeroImportProgress_connection\n  }\n"): (typeof documents)["\n  fragment XeroConnectionCard_connection on XeroConnection {\n    id\n    status\n    tenantId\n    tenantName\n    connectedAt\n    lastSuccessfulPollAt\n    nextPollAt\n    lastError\n    apiHeadroom {\n      minuteRemaining\n      dayRemaining\n      appMinuteRemaining\n      observedAt\n    }\n    ...XeroImportProgress_connection\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisconnectXero {\n    disconnectXero {\n      ...XeroConnectionCard_connection\n    }\n  }\n"): (typeof documents)["\n  mutation DisconnectXero {\n    disconnectXero {\n      ...XeroConnectionCard_connection\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment XeroImportProgress_connection on XeroConnection {\n    id\n    status\n    importStatus\n    importProgress {\n      pages\n      seen\n      created\n      skipped\n      archived\n    }\n  }\n"): (typeof documents)["\n  fragment XeroImportProgress_connection on XeroConnection {\n    id\n    status\n    importStatus\n    importProgress {\n      pages\n      seen\n      created\n      skipped\n      archived\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment XeroTenantPicker_pending on PendingXeroConnection {\n    attemptId\n    expiresAt\n    lockedTenantId\n    tenants {\n      tenantId\n      tenantName\n      allowed\n    }\n  }\n"): (typeof documents)["\n  fragment XeroTenantPicker_pending on PendingXeroConnection {\n    attemptId\n    expiresAt\n    lockedTenantId\n    tenants {\n      tenantId\n      tenantName\n      allowed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PendingXeroConnection($attemptId: ID!) {\n    pendingXeroConnection(attemptId: $attemptId) {\n      ...XeroTenantPicker_pending\n    }\n  }\n"): (typeof documents)["\n  query PendingXeroConnection($attemptId: ID!) {\n    pendingXeroConnection(attemptId: $attemptId) {\n      ...XeroTenantPicker_pending\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmXeroTenant($attemptId: ID!, $tenantId: String!) {\n    confirmXeroTenant(attemptId: $attemptId, tenantId: $tenantId) {\n      ...XeroConnectionCard_connection\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmXeroTenant($attemptId: ID!, $tenantId: String!) {\n    confirmXeroTenant(attemptId: $attemptId, tenantId: $tenantId) {\n      ...XeroConnectionCard_connection\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartXeroConnection {\n    startXeroConnection {\n      authorizeUrl\n    }\n  }\n"): (typeof documents)["\n  mutation StartXeroConnection {\n    startXeroConnection {\n      authorizeUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query XeroConnection {\n    xeroConnection {\n      ...XeroConnectionCard_connection\n    }\n    xeroCallbackOrigin\n    xeroConnectionAwaitingChoice\n  }\n"): (typeof documents)["\n  query XeroConnection {\n    xeroConnection {\n      ...XeroConnectionCard_connection\n    }\n    xeroCallbackOrigin\n    xeroConnectionAwaitingChoice\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription XeroConnectionUpdated {\n    xeroConnectionUpdated {\n      ...XeroConnectionCard_connection\n    }\n  }\n"): (typeof documents)["\n  subscription XeroConnectionUpdated {\n    xeroConnectionUpdated {\n      ...XeroConnectionCard_connection\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelXeroConnection($attemptId: ID!) {\n    cancelXeroConnection(attemptId: $attemptId)\n  }\n"): (typeof documents)["\n  mutation CancelXeroConnection($attemptId: ID!) {\n    cancelXeroConnection(attemptId: $attemptId)\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;