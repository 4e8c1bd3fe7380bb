/** The playground's settings from the server's environment, checked by astro:env when the server starts. */
import {
  BEDROCK_ENDPOINT,
  BEDROCK_REGION,
  HOST,
  PLAYGROUND_ACCESS_TOKEN,
  PLAYGROUND_DAILY_SPEND_CAP_USD,
  PLAYGROUND_MAX_TOKENS,
  PLAYGROUND_RATE_LIMIT_BURST,
  PLAYGROUND_RATE_LIMIT_PER_MINUTE,
  PLAYGROUND_SPEND_FILE,
} from 'astro:env/server';
import type { PlaygroundSettings } from './settings';

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
};
