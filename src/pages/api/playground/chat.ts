import type { APIRoute } from 'astro';
import { playground } from '../../../server/playground';

export const prerender = false;

/** POST /api/playground/chat: a ChatRequest answered as Server-Sent Events, or an ApiError as JSON. */
export const POST: APIRoute = ({ request, clientAddress }) => playground().chat(request, clientAddress);
