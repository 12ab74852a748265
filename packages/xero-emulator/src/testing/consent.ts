/**
 * Drives the emulator's login → consent → organisation-choice pages with plain fetch (forms and cookies),
 * the way a person would in a browser, and returns the redirect back to the app (callback URL with code).
 */
export interface DriveConsentOptions {
  email: string;
  password: string;
  /** Organisations to tick, by tenantId or by name. Default: every organisation offered. */
  tenantIds?: string[];
  tenantNames?: string[];
  /** Press Cancel instead of Allow access. */
  deny?: boolean;
  /** Cookie jar to reuse between consents (keeps the Xero login session). */
  cookies?: Map<string, string>;
}

export interface ConsentOutcome {
  /** The Location Xero redirected to (redirect_uri?code=…&state=…), absent if a page was shown instead. */
  callbackUrl?: string;
  /** The status and HTML of the last page when no redirect happened (e.g. an error page). */
  status: number;
  html?: string;
  /** Organisations the consent page offered. */
  offered: Array<{ tenantId: string; name: string }>;
}

function formFields(html: string): { action: string; hidden: Record<string, string> } {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1] ?? '';
  const hidden: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    hidden[match[1] ?? ''] = decodeEntities(match[2] ?? '');
  }
  return { action, hidden };
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function offeredOrganisations(html: string): Array<{ tenantId: string; name: string }> {
  const out: Array<{ tenantId: string; name: string }> = [];
  for (const match of html.matchAll(/<input type="checkbox" id="([^"]+)" name="tenantId" value="([^"]+)"[^>]*>\s*<label for="\1">([^<]*)<\/label>/g)) {
    out.push({ tenantId: match[2] ?? '', name: decodeEntities((match[3] ?? '').replace(/ \(already connected\)$/, '')) });
  }
  return out;
}

export async function driveConsent(consentUrl: string, options: DriveConsentOptions): Promise<ConsentOutcome> {
  const jar = options.cookies ?? new Map<string, string>();
  const origin = new URL(consentUrl).origin;
  const request = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    if (jar.size > 0) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(new URL(url, origin), { ...init, headers, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const eq = pair.indexOf('=');
      if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    return response;
  };
  const post = (url: string, fields: Array<[string, string]>): Promise<Response> =>
    request(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

  let response = await request(consentUrl);
  let html = await response.text();
  if (response.status !== 200) return { status: response.status, html, offered: [] };
  if (html.includes('name="password"')) {
    const { action, hidden } = formFields(html);
    response = await post(action, [...Object.entries(hidden), ['email', options.email], ['password', options.password]]);
    if (response.status !== 303) return { status: response.status, html: await response.text(), offered: [] };
    response = await request(response.headers.get('location') ?? '');
    html = await response.text();
  }
  const offered = offeredOrganisations(html);
  const { action, hidden } = formFields(html);
  const chosen = offered.filter(
    (org) =>
      (options.tenantIds === undefined && options.tenantNames === undefined) ||
      options.tenantIds?.includes(org.tenantId) === true ||
      options.tenantNames?.includes(org.name) === true,
  );
  response = await post(action, [
    ...Object.entries(hidden),
    ...chosen.map((org): [string, string] => ['tenantId', org.tenantId]),
    ['action', options.deny ? 'deny' : 'allow'],
  ]);
  const location = response.headers.get('location');
  if (response.status === 302 && location) return { callbackUrl: location, status: 302, offered };
  return { status: response.status, html: await response.text(), offered };
}
