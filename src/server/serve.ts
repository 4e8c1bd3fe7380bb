/**
 * Starts the built server with the site's security headers on every response, pages, their files and the API alike,
 * and the build's compressed copies of its files for browsers that accept them:
 * `node src/server/serve.ts [build folder]` (default dist). HOST and PORT work as for the built entry itself.
 */
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { precompressedFiles } from './precompressed.ts';
import { securityHeadersFor } from './security-headers.ts';

interface BuiltEntry {
  startServer(): { server: { server: Server } };
}

// The built entry starts its own server when imported unless told not to: this one adds a listener first.
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const build = resolve(process.argv[2] ?? 'dist');
const entry = pathToFileURL(join(build, 'server', 'entry.mjs'));
const { startServer } = (await import(entry.href)) as BuiltEntry;
const { server } = startServer().server;
const sendCompressedCopy = precompressedFiles(join(build, 'client'));
// Static files get no headers from the adapter and Astro's middleware never sees them, so they are set here, before
// the adapter handles the request; the headers it writes later (Content-Type, an API answer's own) join them.
server.prependListener('request', (request, response) => {
  for (const [name, value] of Object.entries(securityHeadersFor(request.url ?? '/'))) response.setHeader(name, value);
  sendCompressedCopy(request, response);
});

// The API reads and checks its settings on its first request. Making that request now puts a bad setting (a
// malformed token, a wrong number) in the log as the server starts, not when a learner first opens the playground.
server.once('listening', () => {
  const address = server.address();
  if (address && typeof address === 'object')
    void fetch(`http://127.0.0.1:${address.port}/api/health`).catch(() => {
      // Bound to one outside address only: the first learner's request loads the settings instead.
    });
});
