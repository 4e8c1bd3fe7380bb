/** Finds credentials and server-only setting names in the files a browser can download (dist/client). */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The server's settings (astro.config.mjs env.schema) and the AWS SDK's credential variables. */
export const SERVER_ONLY_NAMES = [
  'PLAYGROUND_ACCESS_TOKEN',
  'PLAYGROUND_DAILY_SPEND_CAP_USD',
  'PLAYGROUND_MAX_TOKENS',
  'PLAYGROUND_RATE_LIMIT_PER_MINUTE',
  'PLAYGROUND_RATE_LIMIT_BURST',
  'PLAYGROUND_SPEND_FILE',
  'BEDROCK_ENDPOINT',
  'BEDROCK_REGION',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'aws_secret_access_key',
];

/** An AWS access key ID: AKIA (long-term) or ASIA (temporary) and 16 more characters. */
const ACCESS_KEY_ID = /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/;

function files(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(folder, entry.name)) : [join(folder, entry.name)],
  );
}

/** Every file under the folder that holds one of the names, an access key ID, or one of the given values. */
export function leaksIn(folder: string, secretValues: string[] = []) {
  const leaks: string[] = [];
  for (const file of files(folder)) {
    const text = readFileSync(file).toString('latin1');
    const found = [...SERVER_ONLY_NAMES, ...secretValues].filter((needle) => text.includes(needle));
    if (ACCESS_KEY_ID.test(text)) found.push('an AWS access key ID');
    if (found.length) leaks.push(`${relative(folder, file)}: ${found.join(', ')}`);
  }
  return leaks;
}
