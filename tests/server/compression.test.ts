/**
 * Compression over real HTTP from the built server as `npm run serve` starts it, on a build precompressed as
 * `npm run build` does: pages, their files and the question bank arrive as Brotli or gzip when the browser accepts
 * it, byte for byte the file once decoded, with the file's Content-Type and caching; the API's answers, streamed ones
 * above all, are never compressed.
 */
import { request } from 'node:http';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { acceptedEncodings, precompressFolder } from '../../src/server/precompressed';
import { builtClient, buildOnce, startBuiltServer, type RunningServer } from './built-server';
import { ask } from './helpers';

let server: RunningServer;

beforeAll(async () => {
  await buildOnce();
  await precompressFolder(builtClient);
  server = await startBuiltServer();
}, 180_000);

afterAll(() => server?.stop());

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A request whose answer is kept as sent: fetch would decode it. */
function raw(path: string, headers: Record<string, string> = {}, method = 'GET', body?: string) {
  return new Promise<RawResponse>((resolve, reject) => {
    const outgoing = request(`${server.origin}${path}`, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

const BROWSER = { 'accept-encoding': 'gzip, deflate, br, zstd' };
/** The largest bundled file of a kind (small ones are not worth compressing). */
function asset(extension: string) {
  const folder = join(builtClient, '_astro');
  const [largest] = readdirSync(folder)
    .filter((name) => name.endsWith(extension))
    .sort((a, b) => statSync(join(folder, b)).size - statSync(join(folder, a)).size);
  return `/_astro/${largest}`;
}

describe('the built server sends compressed copies', () => {
  test('of a page, a script, a stylesheet and the question bank, decoding to the file itself', async () => {
    for (const path of ['/', '/mock-exam/', asset('.js'), asset('.css'), '/question-bank.json']) {
      const plain = await raw(path);
      const brotli = await raw(path, BROWSER);
      const gzipped = await raw(path, { 'accept-encoding': 'gzip' });
      expect(plain.headers['content-encoding'], path).toBeUndefined();
      expect(brotli.headers['content-encoding'], path).toBe('br');
      expect(gzipped.headers['content-encoding'], path).toBe('gzip');
      expect(brotliDecompressSync(brotli.body).equals(plain.body), path).toBe(true);
      expect(gunzipSync(gzipped.body).equals(plain.body), path).toBe(true);
      for (const response of [plain, brotli, gzipped]) {
        expect(response.status, path).toBe(200);
        expect(response.headers['content-type'], path).toBe(plain.headers['content-type']);
        expect(response.headers.vary, path).toBe('Accept-Encoding');
        expect(Number(response.headers['content-length']), path).toBe(response.body.length);
      }
    }
  });

  test('the mock exam page and its question bank shrink to under a fifth', async () => {
    const page = await raw('/mock-exam/', BROWSER);
    const bank = await raw('/question-bank.json', BROWSER);
    const plainSize = (await raw('/mock-exam/')).body.length + (await raw('/question-bank.json')).body.length;
    expect(page.body.length + bank.body.length).toBeLessThan(plainSize / 5);
  });

  test('at a page address without its trailing slash, or with a query', async () => {
    for (const path of ['/mock-exam', '/mock-exam/?from=home&x=?']) {
      const response = await raw(path, BROWSER);
      expect(response.status, path).toBe(200);
      expect(response.headers['content-encoding'], path).toBe('br');
      expect(brotliDecompressSync(response.body).toString(), path).toContain('<html');
    }
  });

  test('each copy with its own ETag, answered 304 when the browser has it', async () => {
    const plain = await raw('/question-bank.json');
    const brotli = await raw('/question-bank.json', BROWSER);
    expect(brotli.headers.etag).toBeTruthy();
    expect(brotli.headers.etag).not.toBe(plain.headers.etag);
    const again = await raw('/question-bank.json', { ...BROWSER, 'if-none-match': String(brotli.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  test("keeping a bundled file's long caching", async () => {
    const response = await raw(asset('.js'), BROWSER);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  test("answering HEAD with the copy's headers and no body", async () => {
    const response = await raw('/question-bank.json', BROWSER, 'HEAD');
    expect(response.headers['content-encoding']).toBe('br');
    expect(Number(response.headers['content-length'])).toBe((await raw('/question-bank.json', BROWSER)).body.length);
    expect(response.body.length).toBe(0);
  });

  test('not when the browser refuses them', async () => {
    for (const header of ['identity', 'br;q=0, gzip;q=0', '*;q=0', 'deflate']) {
      const response = await raw('/', { 'accept-encoding': header });
      expect(response.headers['content-encoding'], header).toBeUndefined();
      expect(response.body.toString(), header).toContain('<html');
    }
  });
});

describe('the API is never compressed', () => {
  test('a JSON answer', async () => {
    const response = await raw('/api/playground/models', BROWSER);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(response.body.toString())).toBeTruthy();
  });

  test('a streamed answer arrives event by event, uncompressed', async () => {
    const body = JSON.stringify(ask('course-lm', 'Amazon Bedrock is', { maxTokens: 3 }));
    const response = await raw(
      '/api/playground/chat',
      { ...BROWSER, 'content-type': 'application/json' },
      'POST',
      body,
    );
    expect(response.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body.toString()).toMatch(/^data: /m);
  });
});

describe('Accept-Encoding', () => {
  test('Brotli before gzip, whatever the order or weights the browser gives', () => {
    expect(acceptedEncodings('gzip, deflate, br, zstd')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('gzip;q=1.0, br;q=0.5')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('GZIP')).toEqual(['gzip']);
    expect(acceptedEncodings('*')).toEqual(['br', 'gzip']);
  });

  test('nothing when absent or refused', () => {
    expect(acceptedEncodings(undefined)).toEqual([]);
    expect(acceptedEncodings('identity')).toEqual([]);
    expect(acceptedEncodings('br;q=0, gzip')).toEqual(['gzip']);
    expect(acceptedEncodings('*;q=0, gzip;q=0.1')).toEqual(['gzip']);
    expect(acceptedEncodings('br;q=0,*')).toEqual(['gzip']);
  });
});
