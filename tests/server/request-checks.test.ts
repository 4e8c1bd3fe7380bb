/**
 * The small checks every API request and the server's settings go through: the client's address behind proxies,
 * the foreign-site and access-token checks, the rules for an access token and a proxy list, and the rate-limited log of
 * client faults.
 */
import { describe, expect, test } from 'vitest';
import { clientAddress } from '../../src/server/client-address';
import { rateLimitedLog } from '../../src/server/client-faults';
import { foreignSiteProblem, tokenProblem } from '../../src/server/playground/access';
import { accessTokenProblem, isLoopback, parseAddressList, plainAddress } from '../../src/server/playground/settings';
import { testSettings } from './helpers';

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

  test('the refusal says which host or page was refused, cut to 100 characters, and how to get in', () => {
    const host = `${'h'.repeat(120)}.example`;
    expect(foreignSiteProblem(loopback, request({ host }))).toEqual({
      status: 403,
      error: {
        code: 'foreign-site',
        message: `This server answers requests addressed to this computer only (localhost or 127.0.0.1), not to "${'h'.repeat(100)}".`,
        advice:
          'Open the course at its own address on this computer. To reach it under another name, through a proxy or ' +
          'from another machine, set PLAYGROUND_ACCESS_TOKEN on the server to a long random value and restart it.',
      },
    });
    const origin = `https://${'o'.repeat(120)}.example`;
    expect(foreignSiteProblem(loopback, request({ host: 'localhost', origin }))?.error.message).toBe(
      `This server answers its own pages only, not a page of https://${'o'.repeat(92)}.`,
    );
  });

  test('a request that names no host is refused', () => {
    expect(foreignSiteProblem(loopback, request({}))?.error.message).toMatch(
      /only \(localhost or 127\.0\.0\.1\), not to ""\.$/,
    );
  });

  test('a token, or a server meant for other machines, lifts the check', () => {
    const foreign = request({ host: 'course.example.org', origin: 'https://course.example.org' });
    expect(foreignSiteProblem({ ...loopback, accessToken: 'a-long-random-token-1234' }, foreign)).toBeUndefined();
    expect(foreignSiteProblem({ host: '0.0.0.0', accessToken: undefined }, foreign)).toBeUndefined();
  });
});

describe('tokenProblem', () => {
  const token = 'a-long-random-token-1234';
  const withToken = testSettings({ accessToken: token });
  const request = (authorization?: string) =>
    new Request('http://127.0.0.1:4321/api/playground/chat', authorization ? { headers: { authorization } } : {});

  test('a server reachable from other machines without a token refuses Bedrock, naming the model as the field', () => {
    const refusal = tokenProblem(testSettings({ host: '0.0.0.0' }), request(), '192.0.2.9');
    expect(refusal).toMatchObject({ status: 403, error: { code: 'token-required', field: 'modelId' } });
    expect(refusal?.error.advice).toMatch(
      /^Set PLAYGROUND_ACCESS_TOKEN on the server .* or run the server on 127\.0\.0\.1 only \(the default\)\.$/,
    );
    expect(tokenProblem(testSettings(), request(), '127.0.0.1')).toBeUndefined();
  });

  test('with a token configured, a chat without it is told to bring one', () => {
    expect(tokenProblem(withToken, request(), '127.0.0.1')).toEqual({
      status: 401,
      error: {
        code: 'unauthorized',
        message: 'Amazon Bedrock models on this server need an access token.',
        advice: "Ask the server's owner for the playground access token and enter it in the playground.",
      },
      headers: { 'www-authenticate': 'Bearer realm="playground"' },
    });
  });

  test('the token is accepted as a bearer token, with any spacing around it', () => {
    for (const header of [`Bearer ${token}`, `bearer   ${token}  `, `Bearer\t${token}`])
      expect(tokenProblem(withToken, request(header), '127.0.0.1'), header).toBeUndefined();
  });

  test('anything but "Bearer" and the token alone is no token; a wrong token is told so', () => {
    for (const header of [`Bearer ${token} extra`, `NotBearer ${token}`, token])
      expect(tokenProblem(withToken, request(header), '127.0.0.1')?.error.message, header).toBe(
        'Amazon Bedrock models on this server need an access token.',
      );
    expect(tokenProblem(withToken, request('Bearer a-long-random-token-9999'), '127.0.0.1')?.error.message).toBe(
      'The access token is not the one this server expects.',
    );
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

  test('an address keeps brackets only around the whole of it, and a mapped IPv4 address any digits', () => {
    for (const entry of ['[::1]:8080', '::[1]'])
      expect(() => parseAddressList(entry), entry).toThrow(`"${entry}" is not an IP address`);
    expect(parseAddressList('::ffff:10.20.30.40, 1::ffff:10.0.0.2')).toEqual(['10.20.30.40', '1::ffff:10.0.0.2']);
    // Only a whole IPv4-mapped address loses its prefix.
    expect(plainAddress('::ffff:10.0.0.2.5')).toBe('::ffff:10.0.0.2.5');
  });

  test('a wrong proxy entry is quoted up to 60 characters', () => {
    expect(() => parseAddressList('p'.repeat(80))).toThrow(`"${'p'.repeat(60)}" is not an IP address`);
  });

  test('loopback means this machine only', () => {
    for (const address of ['127.0.0.1', '127.255.0.9', '127.0.100.1', '::1', '[::1]', '::ffff:127.0.0.1', 'localhost'])
      expect(isLoopback(address), address).toBe(true);
    for (const address of [
      '0.0.0.0',
      '::',
      '192.168.1.5',
      '128.0.0.1',
      '::127.0.0.1',
      'localhost.example',
      '',
      undefined,
    ])
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
