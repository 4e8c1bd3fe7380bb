/** The playground server's settings, read from the environment by ./environment.ts (astro:env). */
import { isIP } from 'node:net';
import type { RateLimit } from '../../lib/token-bucket';
import type { BedrockTimeouts } from './bedrock';

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
  /**
   * Addresses of reverse proxies in front of this server. Only a request from one of them has its client address
   * read from X-Forwarded-For; without any, every request's address is that of the connection.
   */
  trustedProxies: readonly string[];
  /** How long Bedrock may stay silent before its first event, and between events. */
  bedrockTimeouts: BedrockTimeouts;
  /** How long a stopping server lets chats in flight finish before it stops them. */
  shutdownGraceMs: number;
}

/**
 * Why a configured access token can never be sent by a browser, if it cannot: a bearer token travels in an HTTP
 * header, which carries visible ASCII characters only.
 */
export function accessTokenProblem(token: string) {
  if (/\s/.test(token)) return 'it contains white space, which an Authorization header cannot carry';
  if (!/^[\x21-\x7e]+$/.test(token))
    return 'it contains characters other than visible ASCII letters, digits and punctuation, which an Authorization header cannot carry';
  return undefined;
}

/** The addresses in a comma-separated list of IPv4 and IPv6 addresses; throws naming the first that is not one. */
export function parseAddressList(list: string) {
  const addresses = list
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const wrong = addresses.find((address) => isIP(plainAddress(address)) === 0);
  if (wrong !== undefined) throw new Error(`"${wrong.slice(0, 60)}" is not an IP address`);
  return addresses.map(plainAddress);
}

/** An address without IPv6 brackets or the IPv4-mapped prefix, so that one machine has one spelling. */
export function plainAddress(address: string) {
  return address.replace(/^\[|\]$/g, '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
}

/** True for the loopback addresses and names: only this machine can reach them. */
export function isLoopback(address: string | undefined) {
  if (address === undefined) return false;
  const plain = plainAddress(address);
  return plain === 'localhost' || plain === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(plain);
}
