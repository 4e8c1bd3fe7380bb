/**
 * Who may spend the owner's AWS money. The server counts as exposed when it listens on an address other machines
 * can reach (HOST not loopback) or when a request comes from another machine. An exposed server without an access
 * token refuses Bedrock chats; once a token is configured, every Bedrock chat must bring it, exposed or not (a
 * reverse proxy on this machine makes every request look local). The built-in model costs nothing and stays open.
 *
 * A server on loopback without a token trusts whoever reaches it, so it must be sure that this is a page of its
 * own: a web page elsewhere can rebind its own name to 127.0.0.1 (DNS rebinding) or call the server directly, and a
 * reverse proxy on this machine forwards other machines' requests. Its API therefore answers only requests
 * addressed to a loopback name and, when they say where they come from, sent by a page of a loopback origin.
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

/** A refusal for an API request to a loopback server without a token that another site could have sent. */
export function foreignSiteProblem(
  settings: Pick<PlaygroundSettings, 'host' | 'accessToken'>,
  request: Request,
): Refusal | undefined {
  if (settings.accessToken || !isLoopback(settings.host)) return undefined;
  const host = request.headers.get('host') ?? '';
  if (!isLoopback(hostname(`http://${host}`)))
    return foreignSite(
      `This server answers requests addressed to this computer only (localhost or 127.0.0.1), not to "${host.slice(0, 100)}".`,
    );
  const origin = request.headers.get('origin');
  if (origin !== null && !isLoopback(hostname(origin)))
    return foreignSite(`This server answers its own pages only, not a page of ${origin.slice(0, 100)}.`);
  return undefined;
}

function foreignSite(message: string): Refusal {
  return {
    status: 403,
    error: {
      code: 'foreign-site',
      message,
      advice:
        'Open the course at its own address on this computer. To reach it under another name, through a proxy or ' +
        'from another machine, set PLAYGROUND_ACCESS_TOKEN on the server to a long random value and restart it.',
    },
  };
}

/** The host name of a URL, or undefined when it is not one. */
function hostname(url: string) {
  return URL.canParse(url) ? new URL(url).hostname : undefined;
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
  const authorization = request.headers.get('authorization');
  // Stryker disable next-line StringLiteral: without the header, any text that is not a bearer token is refused alike
  const given = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
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
