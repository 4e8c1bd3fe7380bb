/**
 * Compressed copies of the built site's text files. The build writes a Brotli (`.br`) and a gzip (`.gz`) copy next to
 * each page, script, stylesheet and JSON file once, at high settings; `serve.ts` sends the copy a browser
 * accepts instead of the file. Nothing is compressed while a request waits, and the API's answers, streamed ones
 * above all, are never touched: only files of the build have copies.
 */
import { statSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/**
 * The files worth compressing, with the Content-Type the server sends for each (the one it sends for the file
 * itself). Pagefind's index files are left out: Pagefind gzips them itself.
 */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** Below this, the saving is smaller than a packet and not worth a second file. */
const MIN_BYTES = 1024;

/** The encodings, best first, with the extension of their copies. */
const ENCODINGS = [
  { name: 'br', extension: '.br' },
  { name: 'gzip', extension: '.gz' },
] as const;
type Encoding = (typeof ENCODINGS)[number]['name'];

const compressors: Record<Encoding, (data: Buffer) => Promise<Buffer>> = {
  br: (data) =>
    promisify(brotliCompress)(data, {
      params: {
        // 10, not the maximum 11: within 2% of its size in under half its time (3 s against 7 s for the site).
        [constants.BROTLI_PARAM_QUALITY]: 10,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
  gzip: (data) => promisify(gzip)(data, { level: constants.Z_BEST_COMPRESSION }),
};

/** Writes the compressed copies of every compressible file under `folder` (a build's client folder). */
export async function precompressFolder(folder: string) {
  const files = (await readdir(folder, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && extname(entry.name) in CONTENT_TYPES)
    .map((entry) => join(entry.parentPath, entry.name));
  // All at once: zlib works on Node's thread pool, so every core takes a share.
  await Promise.all(
    files.map(async (file) => {
      const data = await readFile(file);
      if (data.length < MIN_BYTES) return;
      for (const { name, extension } of ENCODINGS) {
        const compressed = await compressors[name](data);
        if (compressed.length < data.length) await writeFile(file + extension, compressed);
      }
    }),
  );
}

/**
 * The encodings a request accepts, best first, from its Accept-Encoding header: `br` before `gzip`, and neither
 * when refused with `q=0` (also through `*;q=0`).
 */
export function acceptedEncodings(header: string | undefined): Encoding[] {
  const weights = new Map<string, number>();
  for (const part of (header ?? '').toLowerCase().split(',')) {
    const [coding = '', ...parameters] = part.split(';').map((piece) => piece.trim());
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    if (coding) weights.set(coding, Number.isNaN(weight) ? 0 : weight);
  }
  return ENCODINGS.map(({ name }) => name).filter((name) => (weights.get(name) ?? weights.get('*') ?? 0) > 0);
}

/**
 * Serves the build's compressed copies: for a GET or HEAD of a file that has them, picks the one the request
 * accepts and points the request at it, so the adapter's static file server sends it with its own ETag, length,
 * ranges and caching. Run it before the adapter handles the request.
 */
export function precompressedFiles(clientFolder: string) {
  const root = resolve(clientFolder);
  // Looked up on each request, not once: a rebuild under a running server replaces the files and their copies.
  const exists = (file: string) => {
    const absolute = resolve(root, `.${file}`);
    return absolute.startsWith(root + sep) && statSync(absolute, { throwIfNoEntry: false })?.isFile() === true;
  };

  return (request: IncomingMessage, response: ServerResponse) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || !request.url) return;
    const queryStart = request.url.includes('?') ? request.url.indexOf('?') : request.url.length;
    const query = request.url.slice(queryStart);
    let path: string;
    try {
      path = decodeURI(request.url.slice(0, queryStart));
    } catch {
      return;
    }
    // A page's address names its folder (with or without the slash); the file is its index.html.
    const file = extname(path) ? path : `${path.replace(/\/?$/, '/')}index.html`;
    if (!(extname(file) in CONTENT_TYPES)) return;
    const copies = ENCODINGS.filter(({ extension }) => exists(file + extension));
    if (copies.length === 0) return;
    // Caches keep one copy per encoding, whichever this request gets.
    response.setHeader('Vary', 'Accept-Encoding');
    const accepted = acceptedEncodings(request.headers['accept-encoding']);
    const copy = copies.find(({ name }) => accepted.includes(name));
    if (!copy) return;
    response.setHeader('Content-Encoding', copy.name);
    // The copy's own extension would make it a download: the type is the original file's.
    response.setHeader('Content-Type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
    request.url = encodeURI(file + copy.extension) + query;
  };
}
