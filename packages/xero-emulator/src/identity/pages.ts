import { escapeHtml } from '../http.js';

const SCOPE_TEXT: Record<string, string> = {
  openid: 'Verify your identity',
  profile: 'View your name and profile',
  email: 'View your email address',
  offline_access: 'Keep access to your data when you are not using the app (offline access)',
  'accounting.contacts': 'View and manage your contacts and contact groups',
  'accounting.contacts.read': 'View your contacts and contact groups',
  'accounting.settings': 'View and manage your organisation settings, chart of accounts and tax rates',
  'accounting.settings.read': 'View your organisation settings, chart of accounts and tax rates',
  'accounting.transactions': 'View and manage your business transactions',
  'accounting.transactions.read': 'View your business transactions',
  'accounting.invoices': 'View and manage invoices, bills, credit notes, quotes and items',
  'accounting.invoices.read': 'View invoices, bills, credit notes, quotes and items',
};

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} | Xero (emulator)</title>
<link rel="icon" href="data:,">
<style>
  body { margin: 0; font-family: "Helvetica Neue", Arial, sans-serif; background: #f5f7f9; color: #1e3140; }
  header { background: #13b5ea; color: #fff; padding: 14px 24px; font-weight: 700; letter-spacing: .5px; }
  main { max-width: 440px; margin: 48px auto; background: #fff; border-radius: 6px; box-shadow: 0 1px 4px rgba(0,0,0,.15); padding: 32px; }
  h1 { font-size: 22px; margin: 0 0 16px; }
  label { display: block; margin: 12px 0 4px; font-size: 14px; }
  input[type=email], input[type=password] { width: 100%; box-sizing: border-box; padding: 10px; border: 1px solid #c5ccd3; border-radius: 3px; font-size: 15px; }
  .check { display: flex; gap: 8px; align-items: center; margin: 8px 0; }
  .check label { margin: 0; }
  button { margin-top: 20px; padding: 10px 18px; border: 0; border-radius: 3px; font-size: 15px; cursor: pointer; }
  .primary { background: #13b5ea; color: #fff; }
  .secondary { background: #e6eaed; color: #1e3140; margin-left: 8px; }
  .error { background: #fdecea; color: #a3261b; padding: 10px; border-radius: 3px; font-size: 14px; }
  ul { padding-left: 20px; } li { margin: 6px 0; font-size: 14px; }
  .note { font-size: 12px; color: #5b6b78; margin-top: 24px; }
</style>
</head>
<body>
<header>xero <span style="font-weight:400">emulator</span></header>
<main>
${body}
<p class="note">This is a local Xero emulator. No real Xero account is involved.</p>
</main>
</body>
</html>`;
}

export function loginPage(authRequestId: string, error?: string, email = ''): string {
  return layout(
    'Log in',
    `<h1>Log in to Xero</h1>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/identity/login">
  <input type="hidden" name="authRequest" value="${escapeHtml(authRequestId)}">
  <label for="email">Email address</label>
  <input id="email" name="email" type="email" autocomplete="username" value="${escapeHtml(email)}" required>
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required>
  <button class="primary" type="submit">Log in</button>
</form>`,
  );
}

export function consentPage(input: {
  authRequestId: string;
  appName: string;
  userEmail: string;
  scopes: string[];
  organisations: Array<{ tenantId: string; name: string; connected: boolean }>;
  needsOrganisation: boolean;
  error?: string;
}): string {
  const scopeItems = input.scopes.map((s) => `<li>${escapeHtml(SCOPE_TEXT[s] ?? s)} <code>${escapeHtml(s)}</code></li>`).join('\n');
  const orgItems = input.organisations
    .map(
      (
        org,
        i,
      ) => `<div class="check"><input type="checkbox" id="org-${i}" name="tenantId" value="${escapeHtml(org.tenantId)}"${input.organisations.length === 1 || org.connected ? ' checked' : ''}>
<label for="org-${i}">${escapeHtml(org.name)}${org.connected ? ' (already connected)' : ''}</label></div>`,
    )
    .join('\n');
  const orgSection = input.needsOrganisation
    ? input.organisations.length === 0
      ? '<p class="error">You have no organisations you can connect.</p>'
      : `<fieldset style="border:0;padding:0"><legend><strong>Select the organisations to connect</strong></legend>\n${orgItems}\n</fieldset>`
    : '';
  return layout(
    'Allow access',
    `<h1>${escapeHtml(input.appName)} wants to access your Xero data</h1>
${input.error ? `<p class="error" role="alert">${escapeHtml(input.error)}</p>` : ''}
<p>Logged in as <strong>${escapeHtml(input.userEmail)}</strong></p>
<p>This app will be able to:</p>
<ul>
${scopeItems}
</ul>
<form method="post" action="/identity/connect/consent">
  <input type="hidden" name="authRequest" value="${escapeHtml(input.authRequestId)}">
  ${orgSection}
  <button class="primary" type="submit" name="action" value="allow">Allow access</button>
  <button class="secondary" type="submit" name="action" value="deny">Cancel</button>
</form>`,
  );
}

export function errorPage(title: string, message: string): string {
  return layout(title, `<h1>${escapeHtml(title)}</h1>\n<p class="error" role="alert">${escapeHtml(message)}</p>`);
}
