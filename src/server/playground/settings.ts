/** The playground server's settings, read from the environment by ./environment.ts (astro:env). */
import type { RateLimit } from '../../lib/token-bucket';

export interface PlaygroundSettings {
  /** The address the server listens on (HOST); anything but loopback makes the server "exposed". */
  host: string;
  /** Bedrock region; when absent, the AWS SDK's own chain (AWS_REGION, the profile's config) decides. */
  bedrockRegion?: string | undefined;
  /** Another Bedrock runtime endpoint, e.g. a VPC endpoint or a local fake. */
  bedrockEndpoint?: string | undefined;
  /** Bearer token required for Bedrock chats when set; required to exist when the server is exposed. */
  accessToken?: string | undefined;
  /** Output tokens per answer, whatever the model allows. */
  maxTokens: number;
  /** US dollars a UTC day the playground may spend on Bedrock. */
  dailySpendCapUsd: number;
  /** File that keeps the day's spending across restarts; without one it is kept in memory only. */
  spendFile?: string | undefined;
  /** Chat requests per client address. */
  rateLimit: RateLimit;
}

/** True for the loopback addresses and names: only this machine can reach them. */
export function isLoopback(address: string | undefined) {
  if (address === undefined || address === '') return false;
  const plain = address.replace(/^\[|\]$/g, '').replace(/^::ffff:/i, '');
  return plain === 'localhost' || plain === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(plain);
}
