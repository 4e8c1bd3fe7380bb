import type { APIRoute } from 'astro';
import { withPlayground } from '../../../server/playground';

export const prerender = false;

/** GET /api/playground/models: the catalog, with what this server can run now (ModelsResponse). */
export const GET: APIRoute = ({ clientAddress }) =>
  withPlayground(async (playground) =>
    Response.json(await playground.models(clientAddress), { headers: { 'cache-control': 'no-store' } }),
  );
