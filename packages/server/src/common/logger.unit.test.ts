import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

describe('logger', () => {
  it('redacts secrets and never writes stack traces', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const real = createLogger('info', sink);
    real.error({ err: new Error('boom'), password: 'hunter2', headers: { authorization: 'Bearer vch_secret' }, refreshToken: 'rt' }, 'failed');
    const line = lines.at(-1)!;
    expect(line).toContain('"message":"boom"');
    expect(line).not.toContain('at ');
    expect(line).not.toContain('hunter2');
    expect(line).not.toContain('vch_secret');
    expect(line).not.toContain('"rt"');
  });
});
