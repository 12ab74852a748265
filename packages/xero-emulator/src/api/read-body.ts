import type { Request } from 'express';

export type BodyRead =
  /** Every byte arrived; `body` is the parsed JSON, or undefined when there was none or it was not JSON. */
  | { kind: 'complete'; body: unknown }
  /** The client went away (or the stream failed) before the whole body arrived: not a request at all. */
  | { kind: 'incomplete' }
  | { kind: 'too-large' }
  | { kind: 'malformed' };

const JSON_TYPES = new Set(['application/json', 'text/json']);

function isJson(req: Request): boolean {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return JSON_TYPES.has(type) || type.endsWith('+json');
}

/**
 * Reads a write's whole body. The emulator does this itself rather than with express.json(): that parser skips
 * reading when the socket is already gone and leaves `req.body` undefined, so a request whose client died
 * mid-body (say during injected latency) used to run as an empty request and be cached under its
 * Idempotency-Key. Here only a request whose every byte arrived counts; anything less is `incomplete` and must
 * be neither executed nor remembered.
 */
export function readBody(req: Request, limit: number): Promise<BodyRead> {
  if (req.destroyed || (req.readableEnded && !req.complete)) return Promise.resolve({ kind: 'incomplete' });
  return new Promise<BodyRead>((resolve) => {
    const chunks: Buffer[] = [];
    const declared = Number(req.headers['content-length']);
    // Too large: still read it off (discarding), so the 413 reaches a client that is still uploading.
    let tooLarge = Number.isFinite(declared) && declared > limit;
    let size = 0;
    let settled = false;
    const settle = (outcome: BodyRead): void => {
      if (settled) return;
      settled = true;
      req.off('data', onData).off('end', onEnd).off('error', onFailure).off('close', onFailure);
      resolve(outcome);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    };
    const onFailure = (): void => settle({ kind: 'incomplete' });
    const onEnd = (): void => {
      if (!req.complete) {
        settle({ kind: 'incomplete' });
        return;
      }
      if (tooLarge) {
        settle({ kind: 'too-large' });
        return;
      }
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '' || !isJson(req)) {
        settle({ kind: 'complete', body: undefined });
        return;
      }
      // Like body-parser's strict mode: only an object or an array is JSON data here.
      if (!/^[\s]*[[{]/.test(text)) {
        settle({ kind: 'malformed' });
        return;
      }
      try {
        settle({ kind: 'complete', body: JSON.parse(text) as unknown });
      } catch {
        settle({ kind: 'malformed' });
      }
    };
    req.on('data', onData).on('end', onEnd).on('error', onFailure).on('close', onFailure);
  });
}
