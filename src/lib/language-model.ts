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

/** A stored row [id, count, id, count, …] with its total count and number of ids. */
interface Row {
  pairs: readonly number[];
  total: number;
  types: number;
}

/** Calls visit(id, count) for each pair of a stored row. */
function forEachPair(pairs: readonly number[], visit: (id: number, count: number) => void) {
  for (let i = 0; i < pairs.length; i += 2) visit(pairs[i] as number, pairs[i + 1] as number);
}

function toRow(pairs: readonly number[]): Row {
  let total = 0;
  forEachPair(pairs, (_, count) => {
    total += count;
  });
  return { pairs, total, types: pairs.length / 2 };
}

export class LanguageModel {
  private readonly discounts: readonly [number, number];
  readonly vocabulary: readonly string[];
  private readonly ids: Map<string, number>;
  private readonly lowerIds: Map<string, number>;
  private readonly baseline: Float64Array;
  /** Per word id: the words seen after it, by continuation count. */
  private readonly bigrams: Row[];
  /** Per "u v" (word ids): the words seen after u v, by count. */
  private readonly trigrams: Map<string, Row>;

  constructor(data: SerializedModel) {
    if (data.format !== 'kneser-ney-trigram-1')
      throw new Error(`Unknown language model format: ${String(data.format)}`);
    this.discounts = data.discounts;
    this.vocabulary = data.vocabulary;
    this.ids = new Map(data.vocabulary.map((word, id) => [word, id]));
    this.lowerIds = new Map();
    for (const [id, word] of data.vocabulary.entries()) {
      const lower = word.toLowerCase();
      if (!this.lowerIds.has(lower)) this.lowerIds.set(lower, id);
    }
    const totalContinuation = data.continuation.reduce((sum, count) => sum + count, 0);
    this.baseline = Float64Array.from(data.continuation, (count) => count / totalContinuation);
    this.bigrams = data.bigrams.map(toRow);
    this.trigrams = new Map(Object.entries(data.trigrams).map(([key, pairs]) => [key, toRow(pairs)]));
  }

  /** The id of a token: exact, else its lower-case form (for sentence-initial capitals), else unknown. */
  idOf(token: string) {
    return this.ids.get(token) ?? this.lowerIds.get(token.toLowerCase()) ?? 0;
  }

  /** P(w | the last two tokens of the context) for every word of the vocabulary, in vocabulary order. */
  distribution(context: readonly string[]): Float64Array {
    const [d2, d3] = this.discounts;
    // -1 stands for no word: no row has it.
    const v = context.length >= 1 ? this.idOf(context[context.length - 1] as string) : -1;
    const u = context.length >= 2 ? this.idOf(context[context.length - 2] as string) : -1;
    const bigram = this.bigrams[v];
    const trigram = this.trigrams.get(`${u} ${v}`);
    // Interpolation: P3 = seen3 + backoff3 · (seen2 + backoff2 · baseline); the scales are found first so the
    // vocabulary is walked once. A word never followed by another has an empty bigram row.
    const backoff2 = bigram && bigram.total > 0 ? (d2 * bigram.types) / bigram.total : 1;
    const backoff3 = trigram ? (d3 * trigram.types) / trigram.total : 1;

    const scale = backoff2 * backoff3;
    // The seen words' shares first; the baseline's share is added in the one walk of the vocabulary.
    const probabilities = new Float64Array(this.baseline.length);
    if (bigram) {
      forEachPair(bigram.pairs, (w, count) => {
        probabilities[w] = (probabilities[w] as number) + (backoff3 * Math.max(count - d2, 0)) / bigram.total;
      });
    }
    if (trigram) {
      forEachPair(trigram.pairs, (w, count) => {
        probabilities[w] = (probabilities[w] as number) + Math.max(count - d3, 0) / trigram.total;
      });
    }
    // The unknown word stands for many rare words; it is never offered as a next word.
    const known = 1 - ((this.baseline[0] as number) * scale + (probabilities[0] as number));
    probabilities[0] = 0;
    // Stryker disable next-line EqualityOperator: a write one past the end of a typed array is ignored
    for (let i = 1; i < probabilities.length; i++) {
      probabilities[i] = ((this.baseline[i] as number) * scale + (probabilities[i] as number)) / known;
    }
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
    // After every kept value at least as large: ties keep their lower indices first.
    let at = best.length;
    for (; at > 0; at--) if ((values[best[at - 1] as number] as number) >= value) break;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut, as one placed at n is popped below
    if (at < n) best.splice(at, 0, i);
    if (best.length > n) best.pop();
  }
  return best;
}
