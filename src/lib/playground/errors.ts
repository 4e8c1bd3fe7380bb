/**
 * Plain-language errors for the playground when the server's own error (an ApiError) is not available: the
 * request never reached it, or something other than the course server answered.
 */
import { BUILT_IN_MODEL_ID, type ApiError } from '../chat-protocol';

export type PlaygroundError = ApiError['error'];

const NEEDS_SERVER =
  'The playground runs its models on the course server, the built-in model included: start the course with "npm start" and open it from there.';

/** The request did not get an answer at all. */
export function unreachableError(modelId: string, online: boolean): PlaygroundError {
  if (!online)
    return {
      code: 'offline',
      message: 'This browser is offline, so the question could not be sent.',
      advice:
        modelId === BUILT_IN_MODEL_ID
          ? 'Reconnect, or run the course on this computer: the built-in model needs only the course server, not the internet.'
          : 'Reconnect to the internet: Amazon Bedrock models run in AWS.',
    };
  return { code: 'network', message: 'The course server did not answer.', advice: NEEDS_SERVER };
}

/** An error response: the server's ApiError when the body is one, otherwise a description of the status. */
export function responseError(status: number, body: unknown): PlaygroundError {
  const error = (body as Partial<ApiError> | null)?.error;
  if (error && typeof error.message === 'string') {
    const { code, field, message, advice } = error;
    return {
      code: typeof code === 'string' ? code : `http-${status}`,
      message,
      ...(typeof field === 'string' ? { field } : {}),
      ...(typeof advice === 'string' ? { advice } : {}),
    };
  }
  if (status === 404 || status === 405)
    return { code: 'no-server', message: 'This copy of the site has no playground server.', advice: NEEDS_SERVER };
  return {
    code: `http-${status}`,
    message: `The server answered with an error (HTTP ${status}).`,
    advice: 'Try again in a moment. If it keeps happening, restart the course server and look at its log.',
  };
}

/** The answer stream ended without saying it was done. */
export const streamCutError: PlaygroundError = {
  code: 'stream-cut',
  message: 'The answer stopped arriving before it was finished.',
  advice: 'The connection to the course server was lost. Check that it is still running, then send the prompt again.',
};
