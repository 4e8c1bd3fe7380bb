/**
 * The small checks every API request and the server's settings go through: the client's address behind proxies,
 * the foreign-site check, the rules for an access token and a proxy list, and the rate-limited log of client faults.
 */
import { describe, expect, test } from 'vitest';
import { clientAddress } from '../../src/server/client-address';
import { rateLimitedLog } from '../../src/server/client-faults';
import { foreignSiteProblem } from '../../src/server/playground/access';
import { accessTokenProblem, isLoopback, parseAddressList } from '../../src/server/playground/settings';

describe('clientAddress', () => {
  const proxies = ['127.0.0.1', '10.0.0.2'];

  test('without trusted proxies it is the connection, whatever X-Forwarded-For says', () => {
    expect(clientAddress('192.0.2.9', '203.0.113.7', [])).toBe('192.0.2.9');
    expect(clientAddress('::ffff:192.0.2.9', null, [])).toBe('192.0.2.9');
  });

  test('from a trusted proxy it is the nearest address that is not a proxy, read from the right', () => {
    expect(clientAddress('127.0.0.1', '203.0.113.7', proxies)).toBe('203.0.113.7');
    // The client wrote a false first entry; the proxies appended what they saw.
    expect(clientAddress('127.0.0.1', '198.51.100.1, 203.0.113.7, 10.0.0.2', proxies)).toBe('203.0.113.7');
    expect(clientAddress('::ffff:127.0.0.1', '[2001:db8::5]', proxies)).toBe('2001:db8::5');
  });

  test('a request from an untrusted peer keeps the peer, even with a header naming a proxy', () => {
    expect(clientAddress('192.0.2.9', '127.0.0.1', proxies)).toBe('192.0.2.9');
  });

  test('when every hop is a proxy, the leftmost is the client; a hop that is no address stops the trust', () => {
    expect(clientAddress('127.0.0.1', '10.0.0.2', proxies)).toBe('10.0.0.2');
    expect(clientAddress('127.0.0.1', '203.0.113.7, not-an-address', proxies)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', null, proxies)).toBe('127.0.0.1');
  });
});

describe('foreignSiteProblem', () => {
  const loopback = { host: '127.0.0.1', accessToken: undefined };
  const request = (headers: Record<string, string>) =>
    new Request('http://127.0.0.1:4321/api/playground/models', { headers });

  test('a loopback server without a token accepts loopback hosts and origins only', () => {
    for (const host of ['127.0.0.1:4321', 'localhost:4321', 'LOCALHOST', '[::1]:4321', '127.8.9.10'])
      expect(foreignSiteProblem(loopback, request({ host })), host).toBeUndefined();
    expect(foreignSiteProblem(loopback, request({ host: 'localhost', origin: 'http://[::1]:4321' }))).toBeUndefined();
    for (const host of ['attacker.example', '127.0.0.1.nip.io', '192.168.1.5:4321', ''])
      expect(foreignSiteProblem(loopback, request({ host }))?.status, host).toBe(403);
    for (const origin of ['https://attacker.example', 'null', 'http://localhost.attacker.example'])
      expect(foreignSiteProblem(loopback, request({ host: 'localhost', origin }))?.error.code, origin).toBe(
        'foreign-site',
      );
  });

  test('a token, or a server meant for other machines, lifts the check', () => {
    const foreign = request({ host: 'course.example.org', origin: 'https://course.example.org' });
    expect(foreignSiteProblem({ ...loopback, accessToken: 'a-long-random-token-1234' }, foreign)).toBeUndefined();
    expect(foreignSiteProblem({ host: '0.0.0.0', accessToken: undefined }, foreign)).toBeUndefined();
  });
});

describe('settings', () => {
  test('an access token must be visible ASCII without spaces, as an Authorization header carries it', () => {
    expect(accessTokenProblem('Abc-123_~+/=.!#$%&*')).toBeUndefined();
    expect(accessTokenProblem('two words here 1234')).toMatch(/white space/);
    expect(accessTokenProblem('tab\tseparated-token')).toMatch(/white space/);
    expect(accessTokenProblem('schlüssel-1234567890')).toMatch(/visible ASCII/);
    expect(accessTokenProblem('token\u0000with-a-nul')).toMatch(/visible ASCII/);
  });

  test('a proxy list holds IPv4 and IPv6 addresses, in one spelling each', () => {
    expect(parseAddressList('')).toEqual([]);
    expect(parseAddressList(' 127.0.0.1, ::1 ,[2001:db8::1], ::ffff:10.0.0.2,')).toEqual([
      '127.0.0.1',
      '::1',
      '2001:db8::1',
      '10.0.0.2',
    ]);
    expect(() => parseAddressList('127.0.0.1, proxy.local')).toThrow('"proxy.local" is not an IP address');
    expect(() => parseAddressList('10.0.0.0/8')).toThrow('is not an IP address');
  });

  test('loopback means this machine only', () => {
    for (const address of ['127.0.0.1', '127.255.0.9', '::1', '[::1]', '::ffff:127.0.0.1', 'localhost'])
      expect(isLoopback(address), address).toBe(true);
    for (const address of ['0.0.0.0', '::', '192.168.1.5', '128.0.0.1', 'localhost.example', '', undefined])
      expect(isLoopback(address), String(address)).toBe(false);
  });
});

describe('rateLimitedLog', () => {
  test('prints a fault once per interval, then says how many it kept quiet about', () => {
    const lines: string[] = [];
    let now = 0;
    const log = rateLimitedLog(
      (line) => lines.push(line),
      () => now,
      60_000,
    );
    for (let i = 0; i < 1000; i++) log('an upload was abandoned');
    log('a connection was reset');
    expect(lines).toEqual(['Client fault: an upload was abandoned.', 'Client fault: a connection was reset.']);
    now = 59_999;
    log('an upload was abandoned');
    expect(lines).toHaveLength(2);
    now = 60_000;
    log('an upload was abandoned');
    expect(lines.at(-1)).toBe('Client fault: an upload was abandoned (and 1000 more since the last report).');
    now = 120_000;
    log('an upload was abandoned');
    expect(lines.at(-1)).toBe('Client fault: an upload was abandoned.');
  });
});
