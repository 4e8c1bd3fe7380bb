/**
 * Training of the built-in language model (see language-model.ts): counts for a word trigram model with
 * interpolated Kneser-Ney smoothing. Self-contained, so the training script can run it directly in Node.
 */

export const UNKNOWN = '<unk>';

/**
 * Splits text into abbreviations such as U.S. and Mrs., words (letters, digits, inner apostrophes and hyphens) and
 * punctuation marks; curly apostrophes become straight ones.
 */
export function tokenize(text: string): string[] {
  const tokens = text.match(
    /(?:[A-Za-z]\.){2,}|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|vs|etc)\.|[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*|[.,;:!?()]/g,
  );
  return (tokens ?? []).map((token) => token.replaceAll('’', "'"));
}

/** The trained model as stored: integer counts only, so the file is compact and exact. */
export interface SerializedModel {
  format: 'kneser-ney-trigram-1';
  /** Absolute discounts for bigram and trigram levels. */
  discounts: [number, number];
  /** Word of each id; id 0 is the unknown word. */
  vocabulary: string[];
  /** For each word id: how many different words precede it (continuation count). */
  continuation: number[];
  /** Bigram continuation counts, per first word id: [nextId, count, nextId, count, …] sorted by nextId. */
  bigrams: number[][];
  /** Trigram counts keyed "u v" (word ids): [nextId, count, …]. */
  trigrams: Record<string, number[]>;
}

export interface TrainingOptions {
  /** Keep only words seen at least this often; the rest become the unknown word. */
  minWordCount: number;
  /** Drop trigrams seen fewer times than this (1 keeps all). */
  minTrigramCount: number;
  /** Discounts for the bigram and trigram levels (0 to 1). */
  discounts?: [number, number];
}

/** Trains the model on token streams (each a document); deterministic for the same input. */
export function train(documents: readonly string[][], options: TrainingOptions): SerializedModel {
  const wordCounts = new Map<string, number>();
  for (const tokens of documents) for (const token of tokens) wordCounts.set(token, (wordCounts.get(token) ?? 0) + 1);
  const vocabulary = [
    UNKNOWN,
    ...[...wordCounts]
      .filter(([, count]) => count >= options.minWordCount)
      .sort(byCountThenWord)
      .map(([word]) => word),
  ];
  const idOf = new Map(vocabulary.map((word, id) => [word, id]));

  const trigramCounts = new Map<string, Map<number, number>>();
  const bigramTypes = new Set<string>();
  for (const tokens of documents) {
    const ids = tokens.map((token) => idOf.get(token) ?? 0);
    for (let i = 0; i < ids.length; i++) {
      const w = ids[i] as number;
      if (i >= 1) bigramTypes.add(`${ids[i - 1]} ${w}`);
      if (i >= 2) {
        const key = `${ids[i - 2]} ${ids[i - 1]}`;
        const next = trigramCounts.get(key) ?? new Map<number, number>();
        next.set(w, (next.get(w) ?? 0) + 1);
        trigramCounts.set(key, next);
      }
    }
  }

  // Kneser-Ney lower orders count contexts, not occurrences: in how many different contexts a word appears.
  const continuation = vocabulary.map(() => 0);
  for (const pair of bigramTypes) {
    const [, w] = pair.split(' ').map(Number) as [number, number];
    continuation[w] = (continuation[w] ?? 0) + 1;
  }
  // Per word v: for each next word w, how many different words u came before "v w".
  const bigramContinuation = new Map<number, Map<number, number>>();
  for (const [key, next] of trigramCounts) {
    const v = Number(key.split(' ')[1]);
    const followers = bigramContinuation.get(v) ?? new Map<number, number>();
    for (const w of next.keys()) followers.set(w, (followers.get(w) ?? 0) + 1);
    bigramContinuation.set(v, followers);
  }
  const bigrams = vocabulary.map((_, v) => byNextId([...(bigramContinuation.get(v) ?? [])]));

  const trigrams: Record<string, number[]> = {};
  for (const [key, next] of [...trigramCounts].sort(([a], [b]) => pairOrder(a, b))) {
    const kept = [...next].filter(([, count]) => count >= options.minTrigramCount);
    if (kept.length > 0) trigrams[key] = byNextId(kept);
  }

  return {
    format: 'kneser-ney-trigram-1',
    discounts: options.discounts ?? [0.75, 0.75],
    vocabulary,
    continuation,
    bigrams,
    trigrams,
  };
}

/** The most frequent word first; equal counts in alphabetical order. */
function byCountThenWord([a, ca]: [string, number], [b, cb]: [string, number]) {
  // Stryker disable next-line EqualityOperator: the words compared are distinct Map keys, so '<' and '<=' agree.
  return cb - ca || (a < b ? -1 : 1);
}

function pairOrder(a: string, b: string) {
  const [a1, a2] = a.split(' ').map(Number) as [number, number];
  const [b1, b2] = b.split(' ').map(Number) as [number, number];
  return a1 - b1 || a2 - b2;
}

/** [nextId, count] pairs as the flat list the model stores: [nextId, count, nextId, count, …] by nextId. */
function byNextId(pairs: [number, number][]) {
  return pairs.sort(([a], [b]) => a - b).flat();
}
