/**
 * What every API route shares, so that no route can forget it: the check that a request to a loopback server
 * without a token comes from one of its own pages, the client's address as seen through trusted proxies, a JSON
 * 405 for a method the route does not answer, and a JSON 500, never a stack trace, for a failure.
 */
import type { APIContext, APIRoute } from 'astro';
import { clientAddress } from './client-address';
import { foreignSiteProblem } from './playground/access';
import { serverSettings } from './playground/index';
import { apiError, refuse } from './responses';

/** A route's answer to one method, given the address of the client that sent the request. */
export type ApiHandler = (context: APIContext, client: string) => Response | Promise<Response>;

/** While the settings are not valid, the strictest reading of them: loopback only, no token, no proxies. */
const STRICTEST = { host: '127.0.0.1', accessToken: undefined, trustedProxies: [] as const };

/**
 * The route's one export, ALL (Astro calls it for every method): `export const ALL = apiRoute({ GET })`. A route
 * that answers GET answers HEAD too.
 */
export function apiRoute(handlers: { GET?: ApiHandler; POST?: ApiHandler }): APIRoute {
  const allowed = [...(handlers.GET ? ['GET', 'HEAD'] : []), ...(handlers.POST ? ['POST'] : [])].join(', ');
  return async (context) => {
    const settings = (await serverSettings()) ?? STRICTEST;
    const refusal = foreignSiteProblem(settings, context.request);
    if (refusal) return refuse(refusal);
    const method = context.request.method.toUpperCase();
    const handler =
      method === 'GET' || method === 'HEAD' ? handlers.GET : method === 'POST' ? handlers.POST : undefined;
    if (!handler)
      return apiError(
        405,
        { code: 'method-not-allowed', message: `${context.url.pathname} answers ${allowed} requests, not ${method}.` },
        { allow: allowed },
      );
    try {
      const client = clientAddress(
        peerOf(context),
        context.request.headers.get('x-forwarded-for'),
        settings.trustedProxies,
      );
      return await handler(context, client);
    } catch (error) {
      console.error(`API: ${method} ${context.url.pathname} failed:`, error);
      return apiError(500, {
        code: 'server-error',
        message: 'The server failed to answer this request.',
        advice: "Try again; if it keeps failing, the server's log says why.",
      });
    }
  };
}

/** The address of the connection's other end; '' where the adapter cannot tell. */
function peerOf(context: APIContext) {
  try {
    return context.clientAddress;
  } catch {
    return '';
  }
}
