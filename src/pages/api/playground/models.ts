import { apiRoute } from '../../../server/api';
import { withPlayground } from '../../../server/playground';

export const prerender = false;

/** GET /api/playground/models: the catalog, with what this server can run now (ModelsResponse). */
export const ALL = apiRoute({
  GET: (_context, client) =>
    withPlayground(async (playground) =>
      Response.json(await playground.models(client), { headers: { 'cache-control': 'no-store' } }),
    ),
});
