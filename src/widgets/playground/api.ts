/** The island's calls to the playground routes; every failure comes back as a plain-language error, never thrown. */
import { BUILT_IN_MODEL_ID, type ChatEvent, type ChatRequest, type ModelsResponse } from '../../lib/chat-protocol';
import { responseError, streamCutError, unreachableError, type PlaygroundError } from '../../lib/playground/errors';
import { readChatEvents } from '../../lib/sse';

const online = () => typeof navigator === 'undefined' || navigator.onLine;

export async function fetchModels(): Promise<{ models: ModelsResponse } | { error: PlaygroundError }> {
  try {
    const response = await fetch('/api/playground/models');
    const body: unknown = await response.json().catch(() => null);
    return response.ok && body ? { models: body as ModelsResponse } : { error: responseError(response.status, body) };
  } catch {
    // The list of models comes from the course server, like the built-in model: the same advice applies.
    return { error: unreachableError(BUILT_IN_MODEL_ID, online()) };
  }
}

const TOKEN_KEY = 'aif-c01:playground-access';

/** The access token the learner entered, kept for this tab only. */
export function savedAccessToken() {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

export function saveAccessToken(token: string) {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Storage blocked: the token lasts as long as the page.
  }
}

/**
 * The events of one answer as they stream in. Problems (no server, an error status, a stream cut short) arrive as
 * a final `error` event; when `signal` aborts (the Stop button) the events simply end.
 */
export async function* chatEvents(
  request: ChatRequest,
  signal: AbortSignal,
  accessToken: string,
): AsyncGenerator<ChatEvent> {
  let response: Response;
  try {
    response = await fetch('/api/playground/chat', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        // Only a server whose owner set an access token asks for one, for Bedrock models.
        ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
      },
      body: JSON.stringify(request),
      signal,
    });
  } catch {
    if (!signal.aborted) yield { type: 'error', error: unreachableError(request.modelId, online()) };
    return;
  }
  if (!response.ok || !response.body) {
    const body: unknown = await response.json().catch(() => null);
    yield { type: 'error', error: responseError(response.status, body) };
    return;
  }
  let finished = false;
  try {
    for await (const event of readChatEvents(response.body)) {
      yield event;
      finished ||= event.type === 'done' || event.type === 'error';
    }
  } catch {
    // Aborting or losing the connection both end the read; only the second is an error.
  }
  if (!finished && !signal.aborted) yield { type: 'error', error: streamCutError };
}
