/**
 * Every Xero failure is classified here, once (STYLE.md "Errors"): what to do next depends only on the kind.
 */
export type XeroErrorKind = 'TEMPORARY' | 'RATE_LIMITED' | 'AUTH' | 'VALIDATION' | 'NOT_FOUND' | 'UNKNOWN';

export class XeroError extends Error {
  constructor(
    readonly kind: XeroErrorKind,
    message: string,
    readonly status: number | null = null,
    /** From Retry-After on a 429. */
    readonly retryAfterMs: number | null = null,
    readonly headers: Record<string, string> = {},
    /** Xero's own validation messages, safe to show the buyer. */
    readonly validationMessages: string[] = [],
  ) {
    super(message);
    this.name = 'XeroError';
  }
}

function headerMap(raw: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (raw && typeof raw === 'object') {
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
      if (v !== undefined && v !== null) out[k.toLowerCase()] = String(v);
    }
  }
  return out;
}

function collectValidation(body: unknown): string[] {
  const out: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'ValidationErrors' || key === 'validationErrors') {
          for (const v of Array.isArray(value) ? value : []) {
            const message = (v as { Message?: string; message?: string }).Message ?? (v as { message?: string }).message;
            if (message && !out.includes(message)) out.push(message);
          }
        } else visit(value);
      }
    }
  };
  visit(body);
  return out;
}

export function classifyStatus(status: number, headers: Record<string, string>, body: unknown): XeroError {
  const detail =
    body && typeof body === 'object'
      ? String(
          (body as { Detail?: string; Message?: string; error?: string }).Detail ??
            (body as { Message?: string }).Message ??
            (body as { error?: string }).error ??
            '',
        )
      : typeof body === 'string'
        ? body.slice(0, 200)
        : '';
  if (status === 429) {
    const seconds = Number(headers['retry-after']);
    return new XeroError(
      'RATE_LIMITED',
      `Xero rate limit (${headers['x-rate-limit-problem'] ?? 'unknown'})`,
      status,
      Number.isFinite(seconds) ? seconds * 1000 : 60_000,
      headers,
    );
  }
  if (status === 401 || status === 403) return new XeroError('AUTH', `Xero refused access (${status}${detail ? `: ${detail}` : ''})`, status, null, headers);
  if (status === 404) return new XeroError('NOT_FOUND', 'Not found in Xero', status, null, headers);
  if (status === 400) {
    const messages = collectValidation(body);
    return new XeroError('VALIDATION', messages[0] ?? (detail || 'Xero rejected the request'), status, null, headers, messages);
  }
  if (status >= 500 || status === 408) return new XeroError('TEMPORARY', `Xero is unavailable (${status})`, status, null, headers);
  return new XeroError('UNKNOWN', `Unexpected Xero response ${status}`, status, null, headers);
}

function noAnswer(message: string): XeroError {
  if (/timeout|timed out|aborted|canceled/i.test(message)) return new XeroError('TEMPORARY', 'Xero did not answer in time');
  return new XeroError('TEMPORARY', 'Network problem reaching Xero');
}

/**
 * xero-node rejects Accounting calls with a JSON *string* ({response:{statusCode, headers, body}}), the
 * connection/token helpers with an AxiosError, and openid-client with OPError/RPError (docs/xero-facts.md §3.3).
 */
export function classifyXeroFailure(error: unknown): XeroError {
  if (error instanceof XeroError) return error;
  if (typeof error === 'string') {
    try {
      const parsed = JSON.parse(error) as { response?: { statusCode?: number; headers?: unknown; body?: unknown }; body?: unknown };
      const status = parsed.response?.statusCode;
      // Status 0: no answer at all (timeout, reset, refused); xero-node puts axios's message in the body.
      if (status === 0) return noAnswer(String(parsed.response?.body ?? parsed.body ?? ''));
      if (typeof status === 'number') return classifyStatus(status, headerMap(parsed.response?.headers), parsed.response?.body ?? parsed.body);
    } catch {
      /* not JSON */
    }
    return new XeroError('UNKNOWN', 'Unexpected Xero failure');
  }
  if (error && typeof error === 'object') {
    const e = error as {
      error?: string;
      response?: { status?: number; statusCode?: number; headers?: unknown; data?: unknown; body?: unknown };
      code?: string;
      name?: string;
      message?: string;
    };
    if (e.error === 'invalid_grant' || e.error === 'invalid_client' || e.error === 'unauthorized_client') {
      return new XeroError('AUTH', `Xero refused the token (${e.error})`, 400);
    }
    const status = e.response?.status ?? e.response?.statusCode;
    if (typeof status === 'number') return classifyStatus(status, headerMap(e.response?.headers), e.response?.data ?? e.response?.body);
    if (e.code && ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_SOCKET'].includes(e.code)) {
      return new XeroError('TEMPORARY', `Network problem reaching Xero (${e.code})`);
    }
    if (e.name === 'TimeoutError' || e.name === 'CanceledError' || /timeout|timed out|socket hang up|aborted|canceled/i.test(e.message ?? '')) {
      return new XeroError('TEMPORARY', 'Xero did not answer in time');
    }
  }
  return new XeroError('UNKNOWN', 'Unexpected Xero failure');
}
