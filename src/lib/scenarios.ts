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
/** The model is sure the sentence ends here. */
const FULL_STOP: Step = { candidates: [end(1)] };
const step = (...candidates: Candidate[]): Step => ({ candidates });
/** A candidate and the step after it; by default the sentence then ends. */
const word = (text: string, probability: number, next: Step = FULL_STOP): Candidate => ({
  word: text,
  probability,
  next,
});
/** Words the model is sure of, one after another (e.g. "of course"), then `next`. */
const sure = (words: string, next: Step = FULL_STOP): Step =>
  words.split(' ').reduceRight((rest, text) => step(word(text, 1, rest)), next);

// Steps shared by several branches, so that every path of a scenario ends in a whole sentence.
const rainAnd = step(word('the', 0.4, sure('air smelled fresh')), word('quiet', 0.3), word('shining', 0.3));
const rainWith = step(word('puddles', 0.45), word('muddy', 0.35, sure('water')), word('fallen', 0.2, sure('leaves')));
const endOrAnd = step(end(0.6), word('and', 0.4, rainAnd));
const storyWho = step(
  word(
    'who',
    0.55,
    step(
      word('loved', 0.4, sure('stories')),
      word('lived', 0.35, sure('by the sea')),
      word('wanted', 0.25, sure('to fly')),
    ),
  ),
  end(0.25),
  word('named', 0.2, sure('Mira')),
);
const foundationModels = step(
  word('foundation', 0.85, sure('models', step(end(0.6), word('through', 0.4, sure('one API'))))),
  word('leading', 0.15, sure('foundation models')),
);
const aiApps = step(word('applications', 0.8), word('apps', 0.2));
const genAiApps = sure('generative AI', aiApps);
const theDelay = sure('the delay');

export const scenarios: Scenario[] = [
  {
    id: 'rain',
    title: 'After the rain',
    prompt: 'After the rain, the streets were',
    lesson: 'The course example: several likely words, none certain. Sample it twice and you may get two sentences.',
    first: step(
      word(
        'wet',
        0.4,
        step(
          word('and', 0.45, rainAnd),
          end(0.3),
          word('with', 0.15, rainWith),
          word('for', 0.1, step(word('hours', 0.6), word('days', 0.4))),
        ),
      ),
      word(
        'flooded',
        0.25,
        step(
          word('and', 0.4, rainAnd),
          word('with', 0.25, rainWith),
          word('from', 0.15, step(word('the', 0.7, sure('river')), word('overflowing', 0.3, sure('drains')))),
          word('because', 0.05, sure('the drains overflowed')),
          word('until', 0.05, step(word('morning', 0.6), word('noon', 0.4))),
          end(0.04),
        ),
      ),
      word('slippery', 0.15, step(end(0.5), word('and', 0.5, rainAnd))),
      word('empty', 0.05, endOrAnd),
      word('muddy', 0.05, endOrAnd),
      word('clean', 0.04, endOrAnd),
      word('blocked', 0.03, endOrAnd),
    ),
  },
  {
    id: 'capital',
    title: 'A factual answer',
    prompt: 'The capital of Australia is',
    lesson:
      'One right answer and a tempting wrong one. At temperature 0 the model always says Canberra; turned up high, it sometimes says Sydney: why factual tasks want a low temperature.',
    first: step(
      word('Canberra', 0.82, step(end(0.7), word(',', 0.3, sure('not Sydney')))),
      word('Sydney', 0.09),
      word('a', 0.04, step(word('planned', 0.6, sure('city')), word('small', 0.4, sure('city')))),
      word('Melbourne', 0.03),
      word('not', 0.02, sure('Sydney')),
    ),
  },
  {
    id: 'story',
    title: 'A creative opening',
    prompt: 'Once upon a time, there was a',
    lesson:
      'Many good continuations. A higher temperature or top-p spreads the choice, which suits stories, slogans and brainstorming.',
    first: step(
      word(
        'little',
        0.22,
        step(
          word('girl', 0.35, storyWho),
          word('boy', 0.3, storyWho),
          word('mouse', 0.15, storyWho),
          word('robot', 0.1, storyWho),
          word('village', 0.1, storyWho),
        ),
      ),
      word('king', 0.15, storyWho),
      word('young', 0.13, step(word('prince', 0.5, storyWho), word('girl', 0.5, storyWho))),
      word('princess', 0.12, storyWho),
      word('dragon', 0.1, storyWho),
      word('small', 0.09, step(word('village', 0.5, storyWho), word('mouse', 0.5, storyWho))),
      word('wizard', 0.07, storyWho),
      word('lighthouse', 0.05, storyWho),
      word('robot', 0.04, storyWho),
      word('clockmaker', 0.03, storyWho),
    ),
  },
  {
    id: 'bedrock',
    title: 'Describing a service',
    prompt: 'Amazon Bedrock is a fully managed',
    lesson: 'A near-certain next word: even a high temperature rarely moves the model off "service".',
    first: step(
      word(
        'service',
        0.93,
        step(
          word('that', 0.55, step(word('offers', 0.7, foundationModels), word('provides', 0.3, foundationModels))),
          word('for', 0.25, step(word('generative', 0.7, sure('AI', aiApps)), word('building', 0.3, genAiApps))),
          end(0.12),
          word('offering', 0.08, foundationModels),
        ),
      ),
      word('platform', 0.04, sure('for', genAiApps)),
      word('way', 0.02, sure('to build', genAiApps)),
      word('AWS', 0.01, sure('service')),
    ),
  },
  {
    id: 'support',
    title: 'A support reply',
    prompt: 'Thank you for contacting us. We',
    lesson:
      'A business reply needs a consistent tone. Top-k or top-p cut off the odd words ("regret", "love") that a high temperature lets through.',
    first: step(
      word(
        'appreciate',
        0.34,
        step(
          word('your', 0.8, step(word('patience', 0.6), word('message', 0.4))),
          word('you', 0.2, sure('reaching out')),
        ),
      ),
      word('are', 0.22, step(word('looking', 0.6, sure('into this')), word('sorry', 0.4, sure('for', theDelay)))),
      word('apologize', 0.18, sure('for', theDelay)),
      word('have', 0.1, sure('received your message')),
      word('will', 0.09, step(word('reply', 0.6, sure('within a day')), word('look', 0.4, sure('into this')))),
      word('understand', 0.04, sure('your frustration')),
      word('regret', 0.02, theDelay),
      word('love', 0.01, sure('you')),
    ),
  },
  {
    id: 'sum',
    title: 'Arithmetic',
    prompt: 'Two plus two equals',
    lesson:
      'Sampling can pick a wrong answer that the model thinks unlikely. Turn the temperature up and watch "five" appear.',
    first: step(
      word('four', 0.95, step(end(0.8), word(',', 0.2, sure('of course')))),
      word('4', 0.03),
      word('five', 0.01),
      word('twenty-two', 0.01),
    ),
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
