/**
 * The course's built-in language model: a word trigram model with interpolated Kneser-Ney smoothing. It is
 * tiny next to a foundation model, but it is a real language model: it gives a probability for every word of its
 * vocabulary after any context, and generates text by sampling from those probabilities with the same
 * temperature, top-k and top-p as the sampler widget.
 */
import { adjust, sampleIndex, type SamplingOptions } from './sampling';
import { tokenize, type SerializedModel } from './language-model-training';

export { tokenize };

const NO_SPACE_BEFORE = new Set(['.', ',', ';', ':', '!', '?', ')']);
const SENTENCE_END = new Set(['.', '!', '?']);

/** Joins tokens as text: no space before punctuation or after "(", a capital after a sentence ends. */
export function detokenize(tokens: readonly string[], previous?: string) {
  let text = '';
  let last = previous;
  for (const token of tokens) {
    const word = last === undefined || SENTENCE_END.has(last) ? capitalise(token) : token;
    text += last === undefined || NO_SPACE_BEFORE.has(token) || last === '(' ? word : ` ${word}`;
    last = token;
  }
  return text;
}

function capitalise(word: string) {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export interface Alternative {
  token: string;
  /** The model's probability. */
  probability: number;
  /** The probability after temperature, top-k and top-p. */
  adjusted: number;
}

export interface GeneratedToken {
  token: string;
  /** Text to append, with its leading space if any. */
  text: string;
  /** The most likely candidates at this step, the chosen one among them when it ranks high enough. */
  alternatives: Alternative[];
}

export interface GenerationOptions extends SamplingOptions {
  /** At most this many tokens. */
  maxTokens: number;
  /** Stop before any of these strings would appear in the output. */
  stopSequences?: string[];
  /** How many alternatives to report per token. */
  alternatives?: number;
}

export class LanguageModel {
  private readonly data: SerializedModel;
  readonly vocabulary: readonly string[];
  private readonly ids: Map<string, number>;
  private readonly lowerIds: Map<string, number>;
  private readonly baseline: Float64Array;
  private readonly bigramTotals: Float64Array;
  private readonly trigramTotals = new Map<string, { total: number; types: number }>();

  constructor(data: SerializedModel) {
    this.data = data;
    if (data.format !== 'kneser-ney-trigram-1')
      throw new Error(`Unknown language model format: ${String(data.format)}`);
    this.vocabulary = data.vocabulary;
    this.ids = new Map(data.vocabulary.map((word, id) => [word, id]));
    this.lowerIds = new Map();
    for (const [id, word] of data.vocabulary.entries()) {
      const lower = word.toLowerCase();
      if (!this.lowerIds.has(lower)) this.lowerIds.set(lower, id);
    }
    const totalContinuation = data.continuation.reduce((sum, count) => sum + count, 0);
    this.baseline = Float64Array.from(data.continuation, (count) => count / totalContinuation);
    this.bigramTotals = Float64Array.from(data.bigrams, (pairs) =>
      pairs.reduce((sum, value, i) => (i % 2 ? sum + value : sum), 0),
    );
    for (const [key, pairs] of Object.entries(data.trigrams)) {
      this.trigramTotals.set(key, {
        total: pairs.reduce((sum, value, i) => (i % 2 ? sum + value : sum), 0),
        types: pairs.length / 2,
      });
    }
  }

  /** The id of a token: exact, else its lower-case form (for sentence-initial capitals), else unknown. */
  idOf(token: string) {
    return this.ids.get(token) ?? this.lowerIds.get(token.toLowerCase()) ?? 0;
  }

  /** P(w | the last two tokens of the context) for every word of the vocabulary, in vocabulary order. */
  distribution(context: readonly string[]): Float64Array {
    const [d2, d3] = this.data.discounts;
    const v = context.length >= 1 ? this.idOf(context[context.length - 1] as string) : undefined;
    const u = context.length >= 2 ? this.idOf(context[context.length - 2] as string) : undefined;
    // Interpolation: P3 = seen3 + backoff3 · (seen2 + backoff2 · baseline); the scales are found first so the
    // vocabulary is walked once.
    const bigram = v === undefined ? undefined : this.data.bigrams[v];
    const bigramTotal = v === undefined ? 0 : (this.bigramTotals[v] ?? 0);
    const key = `${u} ${v}`;
    const trigram = u === undefined ? undefined : this.data.trigrams[key];
    const trigramStats = trigram ? this.trigramTotals.get(key) : undefined;
    const backoff2 = bigram && bigramTotal > 0 ? (d2 * (bigram.length / 2)) / bigramTotal : 1;
    const backoff3 = trigramStats ? (d3 * trigramStats.types) / trigramStats.total : 1;

    const scale = backoff2 * backoff3;
    const probabilities = new Float64Array(this.baseline.length);
    for (let i = 0; i < probabilities.length; i++) probabilities[i] = (this.baseline[i] as number) * scale;
    if (bigram && bigramTotal > 0) {
      for (let i = 0; i < bigram.length; i += 2) {
        const w = bigram[i] as number;
        probabilities[w] =
          (probabilities[w] as number) + (backoff3 * Math.max((bigram[i + 1] as number) - d2, 0)) / bigramTotal;
      }
    }
    if (trigram && trigramStats) {
      for (let i = 0; i < trigram.length; i += 2) {
        const w = trigram[i] as number;
        probabilities[w] =
          (probabilities[w] as number) + Math.max((trigram[i + 1] as number) - d3, 0) / trigramStats.total;
      }
    }
    // The unknown word stands for many rare words; it is never offered as a next word.
    const total = 1 - (probabilities[0] as number);
    probabilities[0] = 0;
    for (let i = 1; i < probabilities.length; i++) probabilities[i] = (probabilities[i] as number) / total;
    return probabilities;
  }

  /** The n most likely next words after a text. */
  topCandidates(text: string, n: number) {
    const probabilities = this.distribution(tokenize(text));
    return topIndices(probabilities, n).map((id) => ({
      token: this.vocabulary[id] as string,
      probability: probabilities[id] as number,
    }));
  }

  /** Generates a continuation of the prompt token by token, with the alternatives at each step. */
  *generate(prompt: string, options: GenerationOptions, random: () => number): Generator<GeneratedToken> {
    const context = tokenize(prompt);
    let text = '';
    for (let step = 0; step < options.maxTokens; step++) {
      const probabilities = this.distribution(context);
      const adjusted = adjust(probabilities, options);
      const id = sampleIndex(adjusted, random);
      const token = this.vocabulary[id] as string;
      const spaced = detokenize([token], context.at(-1));
      if (options.stopSequences?.some((stop) => stop !== '' && (text + spaced).includes(stop))) return;
      text += spaced;
      context.push(token);
      const alternatives = topIndices(probabilities, options.alternatives ?? 5).map((candidate) => ({
        token: this.vocabulary[candidate] as string,
        probability: probabilities[candidate] as number,
        adjusted: adjusted[candidate] as number,
      }));
      yield { token, text: spaced, alternatives };
    }
  }
}

/** Indices of the n largest values, largest first (ties: lower index first). */
function topIndices(values: ArrayLike<number>, n: number) {
  const best: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (best.length === n && value <= (values[best[n - 1] as number] as number)) continue;
    let at = best.length;
    while (at > 0 && value > (values[best[at - 1] as number] as number)) at--;
    best.splice(at, 0, i);
    if (best.length > n) best.pop();
  }
  return best;
}
