/** Asks the server's built-in language model for its most likely next words. */
import type { Step } from '../lib/scenarios';

export const OWN_PROMPT_CANDIDATES = 10;

export interface ModelStep extends Step {
  /** Share of the model's probability that the listed candidates hold together. */
  coverage: number;
  vocabularySize: number;
}

export async function fetchNextWords(context: string): Promise<ModelStep> {
  const response = await fetch(`/api/next-words?n=${OWN_PROMPT_CANDIDATES}&context=${encodeURIComponent(context)}`);
  const body = (await response.json()) as {
    candidates?: { token: string; probability: number }[];
    vocabularySize?: number;
    error?: { message: string };
  };
  if (!response.ok || !body.candidates)
    throw new Error(body.error?.message ?? `The server answered ${response.status}.`);
  return {
    candidates: body.candidates.map(({ token, probability }) => ({ word: token, probability })),
    coverage: body.candidates.reduce((sum, candidate) => sum + candidate.probability, 0),
    vocabularySize: body.vocabularySize ?? 0,
  };
}
