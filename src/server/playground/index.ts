/**
 * The playground of this server, built on first use from its environment. A malformed setting makes both routes
 * answer with a JSON error naming it, instead of a bare server error.
 */
import type { ApiError } from '../../lib/chat-protocol';
import { apiError } from '../responses';
import { createPlayground, type Playground } from './playground';

let loaded: Promise<{ playground: Playground } | { error: ApiError['error'] }> | undefined;

function load() {
  // Imported here, not at the top: astro:env checks every setting when its module loads, and throws.
  loaded ??= import('./environment').then(
    ({ settings }) => ({ playground: createPlayground(settings) }),
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`Playground: the server's settings are not valid: ${message}`);
      return {
        error: {
          code: 'misconfigured',
          message: `The playground's settings on this server are not valid: ${message}`,
          advice: "Fix the setting named above in the server's environment, then restart the server.",
        },
      };
    },
  );
  return loaded;
}

/** Runs a route with the playground, or answers that the server's settings are wrong. */
export async function withPlayground(route: (playground: Playground) => Promise<Response>) {
  const result = await load();
  return 'playground' in result ? route(result.playground) : apiError(500, result.error);
}
