/**
 * The build's last step: writes Brotli and gzip copies of the built site's text files (pages, scripts, styles, the
 * question bank, the search's scripts) for the server to send. Usage: node scripts/precompress.mjs [client folder]
 */
import { precompressFolder } from '../src/server/precompressed.ts';

await precompressFolder(process.argv[2] ?? 'dist/client');
