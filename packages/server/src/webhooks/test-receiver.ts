/** Tests and the benchmark only: a local HTTP receiver that records what it is sent and answers as told. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: Record<string, string>;
  body: string;
  at: number;
}

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Answer only after this long (a slow or hung receiver). */
  delayMs?: number;
}

export interface TestReceiver {
  url(path: string): string;
  received: Received[];
  /** How to answer the nth request to `path`: a status, or a whole answer. */
  on(path: string, answer: (nth: number) => number | Answer): void;
  to(path: string): Received[];
  close(): Promise<void>;
}

export async function startTestReceiver(options: { record?: boolean; onRequest?: (r: Received) => void } = {}): Promise<TestReceiver> {
  const received: Received[] = [];
  const counts = new Map<string, number>();
  const rules = new Map<string, (nth: number) => number | Answer>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      const entry: Received = {
        path,
        headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      };
      if (options.record !== false) received.push(entry);
      options.onRequest?.(entry);
      const nth = (counts.get(path) ?? 0) + 1;
      counts.set(path, nth);
      const rule = rules.get(path)?.(nth) ?? 200;
      const answer = typeof rule === 'number' ? { status: rule } : rule;
      const reply = () => {
        if (res.destroyed) return;
        res.writeHead(answer.status, { 'content-type': 'text/plain', ...answer.headers });
        res.end(answer.body ?? (answer.status < 300 ? 'ok' : 'not now'));
      };
      if (answer.delayMs) setTimeout(reply, answer.delayMs).unref();
      else reply();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received,
    on: (path, answer) => void rules.set(path, answer),
    to: (path) => received.filter((r) => r.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The library's own verifier, re-exported for the benchmark (which lives outside the server package). */
export { Webhook } from 'standardwebhooks';
