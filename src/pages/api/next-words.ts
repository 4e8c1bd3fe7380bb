import { courseLanguageModel } from '../../server/language-model';
import { apiRoute } from '../../server/api';
import { jsonError } from '../../server/responses';

export const prerender = false;

const MAX_CONTEXT = 500;

/** GET /api/next-words?context=…&n=10: the built-in model's most likely next words after a text. */
export const ALL = apiRoute({
  GET: async ({ url }) => {
    const context = url.searchParams.get('context') ?? '';
    const n = Number(url.searchParams.get('n') ?? '10');
    if (context.length > MAX_CONTEXT)
      return jsonError(400, 'context', `Use at most ${MAX_CONTEXT} characters of context.`);
    if (!Number.isInteger(n) || n < 1 || n > 50) return jsonError(400, 'n', 'Ask for 1 to 50 candidates.');
    const model = await courseLanguageModel();
    const candidates = model.topCandidates(context, n);
    return Response.json({ context, candidates, vocabularySize: model.vocabulary.length - 1 });
  },
});
