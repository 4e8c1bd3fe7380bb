/**
 * The address of the client behind a request. Without trusted proxies it is the connection's peer. Behind a
 * reverse proxy every request comes from the proxy, so the client is read from X-Forwarded-For, but only when the
 * peer is a proxy the owner listed: anyone else could write any address there and dodge the rate limit.
 */
import { isIP } from 'node:net';
import { plainAddress } from './playground/settings';

/**
 * The peer, or, when the peer is a trusted proxy, the nearest address in X-Forwarded-For that is not one. Each
 * proxy appends the address it saw, so the list is read from its right end.
 */
export function clientAddress(peer: string, forwardedFor: string | null, trustedProxies: readonly string[]) {
  let client = plainAddress(peer);
  if (!trustedProxies.includes(client) || !forwardedFor) return client;
  const hops = forwardedFor
    .split(',')
    .map((hop) => plainAddress(hop.trim()))
    .reverse();
  for (const hop of hops) {
    // A trusted proxy wrote something that is no address: believe nothing beyond it.
    if (isIP(hop) === 0) return client;
    client = hop;
    if (!trustedProxies.includes(hop)) return client;
  }
  return client;
}
