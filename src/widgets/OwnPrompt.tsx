/**
 * The sampler's "Your own prompt" mode: the form, and the built-in model's most likely next words asked of the course
 * server. Loaded only when the mode is first chosen, since most learners stay with the worked scenarios.
 */
import type { Step } from '../lib/scenarios';

const CANDIDATES = 10;

export interface ModelStep extends Step {
  /** Share of the model's probability that the listed candidates hold together. */
  coverage: number;
  vocabularySize: number;
}

export async function fetchNextWords(context: string): Promise<ModelStep> {
  const response = await fetch(`/api/next-words?n=${CANDIDATES}&context=${encodeURIComponent(context)}`);
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

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

export default function OwnPromptForm(props: {
  id: string;
  prompt: string;
  onPrompt: (prompt: string) => void;
  onSubmit: () => void;
  modelStep: ModelStep | undefined;
  modelError: string;
}) {
  const { id, prompt, modelStep } = props;
  return (
    <form
      class="sampler__own"
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      <label for={id}>Your prompt for the built-in model</label>
      <input
        id={id}
        type="text"
        maxLength={500}
        value={prompt}
        placeholder="Amazon Bedrock is"
        onInput={(event) => props.onPrompt(event.currentTarget.value)}
      />
      <button type="submit" class="button" disabled={prompt.trim() === ''}>
        Show next words
      </button>
      <p class="sampler__lesson">
        The course's own small language model, trained on these lessons and the Brown Corpus, predicts the next word.
        {modelStep &&
          ` Shown: its ${CANDIDATES} most likely words out of ${modelStep.vocabularySize.toLocaleString('en-US')}, holding ${percent(modelStep.coverage)} of its probability, scaled to add to 100%.`}
      </p>
      {props.modelError && <p class="sampler__error">{props.modelError}</p>}
    </form>
  );
}
