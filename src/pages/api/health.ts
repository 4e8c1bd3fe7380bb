import { apiRoute } from '../../server/api';

export const prerender = false;

/** Liveness check for scripts and tests that start the server. */
export const ALL = apiRoute({ GET: () => Response.json({ ok: true }) });
