/**
 * Outbound HTTP for webhooks, safe against server-side request forgery. In production a target must be HTTPS
 * and resolve only to public addresses: the name is resolved (every address), every address is checked, and
 * the connection is made to exactly the address that was checked (a pinned `lookup`), so a DNS answer that
 * changes between the check and the connect (rebinding) cannot redirect it. Redirects are never followed,
 * every attempt has a deadline, and at most `maxResponseBytes` of the answer is read.
 * Outside production (development, tests), plain HTTP and local addresses are allowed.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

export interface TargetPolicy {
  /** Production: false — private, loopback, link-local, ULA, CGNAT, mapped and reserved ranges are refused. */
  allowPrivateAddresses: boolean;
  /** Production: true. */
  requireHttps: boolean;
}

export class UnsafeTarget extends Error {
  constructor(readonly userMessage: string) {
    super(userMessage);
    this.name = 'UnsafeTarget';
  }
}

/** Ranges no webhook may reach in production (IANA special-purpose registries; IPv4 embedded in IPv6 too). */
const BLOCKED = new net.BlockList();
for (const [prefix, bits] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata at 169.254.169.254)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  BLOCKED.addSubnet(prefix, bits, 'ipv4');
for (const [prefix, bits] of [
  // ::/80 (unspecified, loopback, IPv4-mapped ::ffff:0:0/96, IPv4-compatible) is refused in isPublicAddress:
  // a BlockList checks IPv4 addresses against IPv6 rules as mapped ones, so a ::ffff:0:0/96 rule would block all.
  ['64:ff9b::', 96], // NAT64
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001::', 23], // IETF protocol assignments (Teredo…)
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4 (embeds any IPv4)
  ['fc00::', 7], // unique local (ULA)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const)
  BLOCKED.addSubnet(prefix, bits, 'ipv6');

/** The eight 16-bit groups of an IPv6 address (dotted IPv4 tails converted). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase().split('%')[0]!;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split('.').map(Number) as [number, number, number, number];
    text = text.slice(0, -dotted[1]!.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? (text.split('::') as [string, string]) : [text, undefined];
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail ? tail.split(':') : [];
  const fill = tail !== undefined ? Array(8 - left.length - right.length).fill('0') : [];
  return [...left, ...fill, ...right].map((g) => parseInt(g, 16));
}

/** Whether an IP address is a public unicast address (false for anything else, including non-addresses). */
export function isPublicAddress(address: string): boolean {
  const family = net.isIP(address);
  if (!family) return false;
  if (
    family === 6 &&
    ipv6Groups(address)
      .slice(0, 5)
      .every((g) => g === 0)
  )
    return false; // ::/80: ::, ::1, mapped, compatible
  return !BLOCKED.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Checks the URL's form (no DNS): a clear message for the admin who typed it. */
export function checkUrlForm(raw: string, policy: TargetPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new UnsafeTarget('Enter a full URL, e.g. https://tool.example.com/webhooks/vouch.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UnsafeTarget('The URL must start with https://.');
  if (url.protocol === 'http:' && policy.requireHttps) throw new UnsafeTarget('Use an https:// URL: events carry supplier details.');
  if (url.username || url.password) throw new UnsafeTarget('Leave user names and passwords out of the URL; every request is signed instead.');
  if (url.hash) throw new UnsafeTarget('Leave out the #fragment: it is never sent.');
  if (raw.length > 2048) throw new UnsafeTarget('The URL is too long (2,048 characters at most).');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!policy.allowPrivateAddresses) {
    if (net.isIP(host) && !isPublicAddress(host))
      throw new UnsafeTarget('That address is private, loopback or reserved; webhooks go to public addresses only.');
    if (!net.isIP(host) && (!host.includes('.') || /\.(localhost|local|internal|localdomain|home\.arpa)$/i.test(host) || host === 'localhost')) {
      throw new UnsafeTarget('That host name is not public; webhooks go to public addresses only.');
    }
  }
  return url;
}

export interface ResolvedTarget {
  address: string;
  family: 4 | 6;
}

/**
 * Resolves the host and checks every address; returns the one to connect to. Null under a policy that allows
 * private addresses (development): the ordinary resolver is used.
 */
export async function resolveTarget(url: URL, policy: TargetPolicy, lookup = dnsLookup): Promise<ResolvedTarget | null> {
  if (policy.allowPrivateAddresses) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  if (net.isIP(host)) {
    addresses = [{ address: host, family: net.isIP(host) }];
  } else {
    try {
      addresses = await lookup(host, { all: true, verbatim: true });
    } catch {
      throw new UnsafeTarget(`The host ${host} could not be resolved.`);
    }
  }
  if (!addresses.length) throw new UnsafeTarget(`The host ${host} could not be resolved.`);
  // Any private answer refuses the whole name: a mixed answer is how rebinding attacks start.
  if (addresses.some((a) => !isPublicAddress(a.address))) {
    throw new UnsafeTarget(`The host ${host} resolves to a private, loopback or reserved address; webhooks go to public addresses only.`);
  }
  return { address: addresses[0]!.address, family: addresses[0]!.family === 6 ? 6 : 4 };
}

export interface PostResult {
  status: number;
  /** At most `maxResponseBytes` of the answer, as text. */
  body: string;
  durationMs: number;
}

export class DeliveryFailed extends Error {
  constructor(
    message: string,
    readonly durationMs: number,
  ) {
    super(message);
    this.name = 'DeliveryFailed';
  }
}

// Keep-alive pools: a socket is reused only for the host it was opened (and checked) for.
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 32, maxFreeSockets: 8, timeout: 30_000 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 32, maxFreeSockets: 8, timeout: 30_000 }),
};

function describe(err: unknown, timeoutMs: number): string {
  const code = (err as { code?: string }).code ?? '';
  if (err instanceof UnsafeTarget) return err.userMessage;
  if (code === 'VOUCH_TIMEOUT') return `No answer within ${Math.round(timeoutMs / 100) / 10} s`;
  if (code === 'ECONNREFUSED') return 'Connection refused';
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'Connection closed by the receiver';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'Host not found';
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return 'Host unreachable';
  if (/CERT|SSL|TLS/i.test(code) || /certificate/i.test((err as Error).message ?? '')) return `TLS failed: ${code || 'certificate not accepted'}`;
  return code ? `Network error (${code})` : 'Network error';
}

/**
 * POSTs `body` to `url` under the policy: resolve → check → connect to that address. Resolves with the
 * receiver's status and the start of its answer; rejects with DeliveryFailed (no answer, or refused target).
 */
export async function postSafely(
  rawUrl: string,
  body: string,
  headers: Record<string, string>,
  options: { policy: TargetPolicy; timeoutMs: number; maxResponseBytes: number },
): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let url: URL;
  let target: ResolvedTarget | null;
  try {
    url = checkUrlForm(rawUrl, options.policy);
    target = await resolveTarget(url, options.policy);
  } catch (err) {
    throw new DeliveryFailed(describe(err, options.timeoutMs), elapsed());
  }
  const transport = url.protocol === 'https:' ? https : http;
  return await new Promise<PostResult>((resolve, reject) => {
    let settled = false;
    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(new DeliveryFailed(describe(err, options.timeoutMs), elapsed()));
    };
    const request = transport.request(url, {
      method: 'POST',
      agent: agents[url.protocol as 'http:' | 'https:'],
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      ...(target
        ? {
            // Connect to the address that was checked, whatever DNS says now (TLS still verifies the name).
            lookup: ((_host: string, opts: { all?: boolean }, cb: (...args: unknown[]) => void) => {
              if (opts?.all) cb(null, [{ address: target.address, family: target.family }]);
              else cb(null, target.address, target.family);
            }) as unknown as net.LookupFunction,
          }
        : {}),
    });
    const timer = setTimeout(() => request.destroy(Object.assign(new Error('timeout'), { code: 'VOUCH_TIMEOUT' })), options.timeoutMs);
    request.on('error', fail);
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), durationMs: elapsed() });
      };
      response.on('data', (chunk: Buffer) => {
        if (size >= options.maxResponseBytes) return;
        const room = options.maxResponseBytes - size;
        chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
        size += Math.min(chunk.length, room);
        if (size >= options.maxResponseBytes) {
          // Enough: stop reading (the socket is not reused).
          finish();
          response.destroy();
        }
      });
      response.on('end', finish);
      response.on('error', fail);
      response.on('close', finish);
    });
    request.end(body);
  });
}
