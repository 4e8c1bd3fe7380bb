import type { APIRoute } from 'astro';

export const prerender = false;

/** Liveness check for scripts and tests that start the server. */
export const GET: APIRoute = () => Response.json({ ok: true });
