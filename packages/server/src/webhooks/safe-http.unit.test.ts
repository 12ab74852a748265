import { describe, expect, it } from 'vitest';
import { checkUrlForm, isPublicAddress, resolveTarget, UnsafeTarget } from './safe-http.js';

const PRODUCTION = { allowPrivateAddresses: false, requireHttps: true };
const DEVELOPMENT = { allowPrivateAddresses: true, requireHttps: false };
const fakeDns = (addresses: string[]) => (async () => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))) as never;

describe('webhook targets (SSRF)', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '198.18.0.1',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '::ffff:7f00:1',
    '64:ff9b::a00:1',
    '2002:a00:1::',
    'ff02::1',
    'not-an-ip',
  ])('%s is not public', (ip) => expect(isPublicAddress(ip)).toBe(false));

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111'])('%s is public', (ip) => expect(isPublicAddress(ip)).toBe(true));

  it('in production only https:// to a public host, without credentials', () => {
    for (const url of [
      'http://tool.example.com/hook',
      'https://127.0.0.1/hook',
      'https://[::1]/hook',
      'https://169.254.169.254/latest',
      'https://localhost/hook',
      'https://printer.local/x',
      'https://intranet/x',
      'https://user:pw@tool.example.com/x',
      'ftp://tool.example.com',
      'not a url',
    ]) {
      expect(() => checkUrlForm(url, PRODUCTION), url).toThrow(UnsafeTarget);
    }
    expect(checkUrlForm('https://tool.example.com/hooks/vouch?x=1', PRODUCTION).hostname).toBe('tool.example.com');
    // Development and tests: plain HTTP to localhost is fine.
    expect(checkUrlForm('http://localhost:3000/hook', DEVELOPMENT).port).toBe('3000');
  });

  it('resolves, refuses a name with any private answer, and pins a public one', async () => {
    const url = new URL('https://tool.example.com/hook');
    await expect(resolveTarget(url, PRODUCTION, fakeDns(['93.184.216.34', '10.0.0.5']))).rejects.toThrow(/private, loopback or reserved/);
    await expect(resolveTarget(url, PRODUCTION, fakeDns(['::ffff:127.0.0.1']))).rejects.toThrow(UnsafeTarget);
    await expect(resolveTarget(url, PRODUCTION, fakeDns([]))).rejects.toThrow(/could not be resolved/);
    await expect(resolveTarget(url, PRODUCTION, fakeDns(['93.184.216.34', '2606:4700::1']))).resolves.toEqual({ address: '93.184.216.34', family: 4 });
    await expect(resolveTarget(url, DEVELOPMENT, fakeDns(['127.0.0.1']))).resolves.toBeNull();
  });
});
