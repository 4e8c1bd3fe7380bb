/** The playground's settings from the server's environment, checked by astro:env when the server starts. */
import {
  BEDROCK_ENDPOINT,
  BEDROCK_FIRST_BYTE_TIMEOUT_SECONDS,
  BEDROCK_IDLE_TIMEOUT_SECONDS,
  BEDROCK_REGION,
  HOST,
  PLAYGROUND_ACCESS_TOKEN,
  PLAYGROUND_DAILY_SPEND_CAP_USD,
  PLAYGROUND_MAX_TOKENS,
  PLAYGROUND_RATE_LIMIT_BURST,
  PLAYGROUND_RATE_LIMIT_PER_MINUTE,
  PLAYGROUND_SHUTDOWN_GRACE_SECONDS,
  PLAYGROUND_SPEND_FILE,
  TRUSTED_PROXIES,
} from 'astro:env/server';
import { accessTokenProblem, parseAddressList, type PlaygroundSettings } from './settings';

/** What astro:env cannot check: the error names the variable, like astro:env's own. */
function invalid(variable: string, problem: string): never {
  throw new Error(`${variable} is not valid: ${problem}.`);
}

const tokenProblem = PLAYGROUND_ACCESS_TOKEN === undefined ? undefined : accessTokenProblem(PLAYGROUND_ACCESS_TOKEN);
if (tokenProblem) invalid('PLAYGROUND_ACCESS_TOKEN', tokenProblem);

function trustedProxies() {
  try {
    return parseAddressList(TRUSTED_PROXIES ?? '');
  } catch (error) {
    return invalid('TRUSTED_PROXIES', (error as Error).message);
  }
}

export const settings: PlaygroundSettings = {
  // The Node adapter binds to HOST when set, otherwise to the configured loopback address.
  host: HOST ?? '127.0.0.1',
  bedrockRegion: BEDROCK_REGION,
  bedrockEndpoint: BEDROCK_ENDPOINT,
  accessToken: PLAYGROUND_ACCESS_TOKEN,
  maxTokens: PLAYGROUND_MAX_TOKENS,
  dailySpendCapUsd: PLAYGROUND_DAILY_SPEND_CAP_USD,
  spendFile: PLAYGROUND_SPEND_FILE,
  rateLimit: { perMinute: PLAYGROUND_RATE_LIMIT_PER_MINUTE, burst: PLAYGROUND_RATE_LIMIT_BURST },
  trustedProxies: trustedProxies(),
  bedrockTimeouts: {
    firstByteMs: BEDROCK_FIRST_BYTE_TIMEOUT_SECONDS * 1000,
    idleMs: BEDROCK_IDLE_TIMEOUT_SECONDS * 1000,
  },
  shutdownGraceMs: PLAYGROUND_SHUTDOWN_GRACE_SECONDS * 1000,
};
