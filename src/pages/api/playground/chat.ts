import type { APIRoute } from 'astro';
import { withPlayground } from '../../../server/playground';

export const prerender = false;

/** POST /api/playground/chat: a ChatRequest answered as Server-Sent Events, or an ApiError as JSON. */
export const POST: APIRoute = ({ request, clientAddress }) =>
  withPlayground((playground) => playground.chat(request, clientAddress));
