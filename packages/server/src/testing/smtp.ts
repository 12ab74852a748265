import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';

export interface CapturedMail {
  to: string[];
  subject: string;
  text: string;
  raw: string;
}

function decodeQuotedPrintable(body: string): string {
  return body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function parse(raw: string, to: string[]): CapturedMail {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const subject = /^Subject: (.*(?:\r?\n[ \t].*)*)/im.exec(head)?.[1]?.replace(/\r?\n[ \t]/g, ' ') ?? '';
  const body = rest.join('\n\n');
  return { to, subject, text: decodeQuotedPrintable(body), raw };
}

export interface TestSmtp {
  url: string;
  /** Every message received, in order. */
  messages: CapturedMail[];
  /**
   * Waits for, and returns, the latest message to `address` whose subject matches, among those received
   * after the first `after` messages (pass `smtp.messages.length` taken before the action under test).
   */
  mailTo(address: string, subject?: RegExp, after?: number): Promise<CapturedMail>;
  close(): Promise<void>;
}

/** A local SMTP server in-process (tests only): every message is captured. */
export async function startTestSmtp(): Promise<TestSmtp> {
  const messages: CapturedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        messages.push(
          parse(
            Buffer.concat(chunks).toString('utf8'),
            session.envelope.rcptTo.map((r) => r.address),
          ),
        );
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const matching = (address: string, subject: RegExp | undefined, after: number) =>
    messages.slice(after).filter((m) => m.to.includes(address) && (!subject || subject.test(m.subject)));
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    async mailTo(address, subject, after = 0) {
      await expect.poll(() => matching(address, subject, after).length, { timeout: 10_000 }).toBeGreaterThan(0);
      return matching(address, subject, after).at(-1)!;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
