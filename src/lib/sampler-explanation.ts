/** Plain-language sentences that explain what the sampler's current settings do to a distribution. */
import { adjust, effectiveChoices, entropyBits, rankByProbability, type SamplingOptions } from './sampling';
import { plural } from './plural';

const percent = (value: number) => `${(value * 100).toFixed(value > 0 && value < 0.01 ? 1 : 0)}%`;

export function explainSettings(words: readonly string[], probabilities: ArrayLike<number>, options: SamplingOptions) {
  const { temperature = 1, topK = 0, topP = 1 } = options;
  const base = adjust(probabilities);
  const heated = adjust(probabilities, { temperature });
  const final = adjust(probabilities, options);
  const ranked = rankByProbability(base);
  const top = ranked[0] ?? 0;
  const last = ranked.at(-1) ?? 0;
  const word = (index: number) => `"${words[index]}"`;
  const sentences: string[] = [];

  if (temperature === 0) {
    sentences.push(
      `Temperature 0 is greedy decoding: the model always picks ${word(top)}, so every run gives the same text.`,
    );
  } else if (temperature < 1) {
    sentences.push(
      `Temperature ${temperature} sharpens the distribution: ${word(top)} rises from ${percent(base[top] ?? 0)} to ${percent(heated[top] ?? 0)}, so answers vary less.`,
    );
  } else if (temperature > 1) {
    sentences.push(
      `Temperature ${temperature} flattens the distribution: ${word(last)} rises from ${percent(base[last] ?? 0)} to ${percent(heated[last] ?? 0)}, so unusual words appear more often.`,
    );
  } else {
    sentences.push("Temperature 1 keeps the model's own probabilities.");
  }

  if (temperature > 0) {
    const survivors = final.filter((p) => p > 0).length;
    const afterK = adjust(probabilities, { temperature, topK }).filter((p) => p > 0).length;
    if (topK > 0) {
      const ties = afterK > topK ? ` (${afterK} because of a tie)` : '';
      sentences.push(`Top-k ${topK} keeps the ${topK} most likely words${ties} and drops the rest.`);
    }
    if (topP < 1) {
      sentences.push(
        `${topK > 0 ? 'Then top-p' : 'Top-p'} ${topP} keeps the fewest most likely words whose probabilities add up to at least ${percent(topP)}: ${plural(survivors, 'word')} here.`,
      );
    }
    if (survivors < words.length) {
      sentences.push(
        `The ${words.length - survivors} filtered word${words.length - survivors === 1 ? ' is' : 's are'} never picked; the others are scaled up to add to 100%.`,
      );
    }
  }

  const bits = entropyBits(final);
  sentences.push(
    bits === 0
      ? 'Entropy is 0 bits: the outcome is certain.'
      : `Entropy is ${bits.toFixed(2)} bits, as uncertain as a fair choice among ${effectiveChoices(final).toFixed(1)} words.`,
  );
  return sentences;
}
