/**
 * Hand-written next-word distributions for the sampler widget. The numbers are illustrative, chosen to show how
 * a model's candidates look, not measured from a particular model. Each candidate may lead to a further step, so
 * a sentence can be built word by word.
 */

export interface Candidate {
  word: string;
  probability: number;
  /** What the model would consider next, once this word is chosen. */
  next?: Step;
}

export interface Step {
  candidates: Candidate[];
}

export interface Scenario {
  id: string;
  title: string;
  /** The text the model continues. */
  prompt: string;
  /** Why the scenario is worth trying, shown under its title. */
  lesson: string;
  first: Step;
}

const end = (probability: number): Candidate => ({ word: '.', probability });

export const scenarios: Scenario[] = [
  {
    id: 'rain',
    title: 'After the rain',
    prompt: 'After the rain, the streets were',
    lesson: 'The course example: several likely words, none certain. Sample it twice and you may get two sentences.',
    first: {
      candidates: [
        {
          word: 'wet',
          probability: 0.4,
          next: {
            candidates: [
              { word: 'and', probability: 0.45 },
              end(0.3),
              { word: 'with', probability: 0.15 },
              { word: 'for', probability: 0.1 },
            ],
          },
        },
        {
          word: 'flooded',
          probability: 0.25,
          next: {
            candidates: [
              { word: 'and', probability: 0.4 },
              { word: 'with', probability: 0.25 },
              { word: 'from', probability: 0.15 },
              { word: 'because', probability: 0.05 },
              { word: 'until', probability: 0.05 },
              end(0.04),
            ],
          },
        },
        { word: 'slippery', probability: 0.15, next: { candidates: [end(0.5), { word: 'and', probability: 0.5 }] } },
        { word: 'empty', probability: 0.05 },
        { word: 'muddy', probability: 0.05 },
        { word: 'clean', probability: 0.04 },
        { word: 'blocked', probability: 0.03 },
      ],
    },
  },
  {
    id: 'capital',
    title: 'A factual answer',
    prompt: 'The capital of Australia is',
    lesson:
      'One right answer and a tempting wrong one. At temperature 0 the model always says Canberra; turned up high, it sometimes says Sydney: why factual tasks want a low temperature.',
    first: {
      candidates: [
        { word: 'Canberra', probability: 0.82, next: { candidates: [end(0.7), { word: ',', probability: 0.3 }] } },
        { word: 'Sydney', probability: 0.09 },
        { word: 'a', probability: 0.04 },
        { word: 'Melbourne', probability: 0.03 },
        { word: 'not', probability: 0.02 },
      ],
    },
  },
  {
    id: 'story',
    title: 'A creative opening',
    prompt: 'Once upon a time, there was a',
    lesson:
      'Many good continuations. A higher temperature or top-p spreads the choice, which suits stories, slogans and brainstorming.',
    first: {
      candidates: [
        {
          word: 'little',
          probability: 0.22,
          next: {
            candidates: [
              { word: 'girl', probability: 0.35 },
              { word: 'boy', probability: 0.3 },
              { word: 'mouse', probability: 0.15 },
              { word: 'robot', probability: 0.1 },
              { word: 'village', probability: 0.1 },
            ],
          },
        },
        { word: 'king', probability: 0.15 },
        { word: 'young', probability: 0.13 },
        { word: 'princess', probability: 0.12 },
        { word: 'dragon', probability: 0.1 },
        { word: 'small', probability: 0.09 },
        { word: 'wizard', probability: 0.07 },
        { word: 'lighthouse', probability: 0.05 },
        { word: 'robot', probability: 0.04 },
        { word: 'clockmaker', probability: 0.03 },
      ],
    },
  },
  {
    id: 'bedrock',
    title: 'Describing a service',
    prompt: 'Amazon Bedrock is a fully managed',
    lesson: 'A near-certain next word: even a high temperature rarely moves the model off "service".',
    first: {
      candidates: [
        {
          word: 'service',
          probability: 0.93,
          next: {
            candidates: [
              { word: 'that', probability: 0.55 },
              { word: 'for', probability: 0.25 },
              end(0.12),
              { word: 'offering', probability: 0.08 },
            ],
          },
        },
        { word: 'platform', probability: 0.04 },
        { word: 'way', probability: 0.02 },
        { word: 'AWS', probability: 0.01 },
      ],
    },
  },
  {
    id: 'support',
    title: 'A support reply',
    prompt: 'Thank you for contacting us. We',
    lesson:
      'A business reply needs a consistent tone. Top-k or top-p cut off the odd words ("regret", "love") that a high temperature lets through.',
    first: {
      candidates: [
        { word: 'appreciate', probability: 0.34 },
        { word: 'are', probability: 0.22 },
        { word: 'apologize', probability: 0.18 },
        { word: 'have', probability: 0.1 },
        { word: 'will', probability: 0.09 },
        { word: 'understand', probability: 0.04 },
        { word: 'regret', probability: 0.02 },
        { word: 'love', probability: 0.01 },
      ],
    },
  },
  {
    id: 'sum',
    title: 'Arithmetic',
    prompt: 'Two plus two equals',
    lesson:
      'Sampling can pick a wrong answer that the model thinks unlikely. Turn the temperature up and watch "five" appear.',
    first: {
      candidates: [
        { word: 'four', probability: 0.95 },
        { word: '4', probability: 0.03 },
        { word: 'five', probability: 0.01 },
        { word: 'twenty-two', probability: 0.01 },
      ],
    },
  },
];

/** The step reached by following chosen words from the scenario's first step, or undefined when the path ends. */
export function stepAfter(scenario: Scenario, words: readonly string[]): Step | undefined {
  let step: Step | undefined = scenario.first;
  for (const word of words) step = step?.candidates.find((candidate) => candidate.word === word)?.next;
  return step;
}

/** The prompt followed by the chosen words, spaced as text (no space before punctuation). */
export function joinWords(prompt: string, words: readonly string[]) {
  return words.reduce((text, word) => (/^[.,!?]$/.test(word) ? text + word : `${text} ${word}`), prompt);
}
