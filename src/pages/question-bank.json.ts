import type { APIRoute } from 'astro';
import { questionBank } from '../data/question-bank';

/** The whole bank as a static file, fetched by the mock exam and mistake review instead of inlined in their pages. */
export const GET: APIRoute = async () => Response.json(await questionBank());
