import { apiRoute } from '../../../server/api';
import { withPlayground } from '../../../server/playground';

export const prerender = false;

/** POST /api/playground/chat: a ChatRequest answered as Server-Sent Events, or an ApiError as JSON. */
export const ALL = apiRoute({
  POST: ({ request }, client) => withPlayground((playground) => playground.chat(request, client)),
});
