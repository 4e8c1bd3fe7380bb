/**
 * Who may spend the owner's AWS money. The server counts as exposed when it listens on an address other machines
 * can reach (HOST not loopback) or when a request comes from another machine. An exposed server without an access
 * token refuses Bedrock chats; once a token is configured, every Bedrock chat must bring it, exposed or not (a
 * reverse proxy on this machine makes every request look local). The built-in model costs nothing and stays open.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Refusal } from '../responses';
import { isLoopback, type PlaygroundSettings } from './settings';

/** Why Bedrock is refused to everyone on this server as configured, if it is. */
export function exposureProblem(settings: PlaygroundSettings, clientAddress: string) {
  if (settings.accessToken) return undefined;
  if (isLoopback(settings.host) && isLoopback(clientAddress)) return undefined;
  return {
    message: 'This server can be reached from other machines and has no access token, so Amazon Bedrock is off.',
    advice:
      'Set PLAYGROUND_ACCESS_TOKEN on the server to a long random value and enter it in the playground, or run ' +
      'the server on 127.0.0.1 only (the default).',
  };
}

/** A refusal when the request may not use Bedrock, else undefined. */
export function tokenProblem(
  settings: PlaygroundSettings,
  request: Request,
  clientAddress: string,
): Refusal | undefined {
  const exposed = exposureProblem(settings, clientAddress);
  if (exposed) return { status: 403, error: { code: 'token-required', field: 'modelId', ...exposed } };
  if (!settings.accessToken) return undefined;
  const given = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  if (given !== undefined && sameSecret(given, settings.accessToken)) return undefined;
  return {
    status: 401,
    error: {
      code: 'unauthorized',
      message:
        given === undefined
          ? 'Amazon Bedrock models on this server need an access token.'
          : 'The access token is not the one this server expects.',
      advice: "Ask the server's owner for the playground access token and enter it in the playground.",
    },
    headers: { 'www-authenticate': 'Bearer realm="playground"' },
  };
}

/** Compares without leaking, through timing, how much of the token was right. */
function sameSecret(given: string, expected: string) {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
