import type { APIRoute } from 'astro';
import { apiError } from '../../server/responses';

export const prerender = false;

/** Any other address under /api/: a JSON 404, like every API error, rather than the course's 404 page. */
export const ALL: APIRoute = ({ url }) =>
  apiError(404, { code: 'not-found', message: `There is no API at ${url.pathname.slice(0, 200)}.` });
