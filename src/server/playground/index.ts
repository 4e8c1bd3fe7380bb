/**
 * The playground of this server, built on first use from its environment. A malformed setting makes the API answer
 * with a JSON error naming it, instead of a bare server error.
 */
import type { ApiError } from '../../lib/chat-protocol';
import { apiError } from '../responses';
import { createPlayground, type Playground } from './playground';
import type { PlaygroundSettings } from './settings';

type Loaded = { settings: PlaygroundSettings; playground: Playground } | { error: ApiError['error'] };

let loaded: Promise<Loaded> | undefined;

function load() {
  // Imported here, not at the top: astro:env checks every setting when its module loads, and throws.
  loaded ??= import('./environment').then(
    ({ settings }) => {
      const playground = createPlayground(settings);
      finishChatsBeforeExit(playground, settings.shutdownGraceMs);
      return { settings, playground };
    },
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

/**
 * When the server is told to stop (SIGTERM from a service manager, Ctrl+C), the chats in flight finish or are
 * stopped, and what they cost is saved, before the process exits. A second signal exits at once.
 */
function finishChatsBeforeExit(playground: Playground, graceMs: number) {
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.once(signal, () => {
      console.log(`Playground: ${signal} received; finishing the chats in flight, then exiting.`);
      void playground.shutdown(graceMs).then(() => {
        // A moment for the last events to reach the browsers.
        setTimeout(() => process.exit(0), 100);
      });
    });
}

/** The server's settings, or undefined when they are not valid (the playground then says why). */
export async function serverSettings() {
  const result = await load();
  return 'settings' in result ? result.settings : undefined;
}

/** Runs a route with the playground, or answers that the server's settings are wrong. */
export async function withPlayground(route: (playground: Playground) => Promise<Response>) {
  const result = await load();
  return 'playground' in result ? route(result.playground) : apiError(500, result.error);
}
