/**
 * The next-word sampler: pick a scenario, change temperature, top-k and top-p, and draw words to see why the
 * same prompt gives different answers. A thin view: all the maths is in src/lib/sampling.ts.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { adjust, sampleIndex } from '../lib/sampling';
import { createRandom } from '../lib/seed';
import { explainSettings } from '../lib/sampler-explanation';
import { joinWords, scenarios, stepAfter, type Step } from '../lib/scenarios';
import type { ModelStep } from './OwnPrompt';
import './sampler.css';
import RangeControl from './RangeControl';
import SeedControl from './SeedControl';
import { useEarlyInput } from './early-input';
import { plural } from '../lib/plural';

const twoDecimals = (value: number) => value.toFixed(2);

interface Props {
  /** Scenario shown first (an id from src/lib/scenarios.ts). */
  scenario?: string;
  /** Heading level of the widget's title, to fit the lesson's outline. */
  headingLevel?: 2 | 3;
}

const DEFAULT_SEED = 42;
const COMPLETIONS_KEPT = 5;
const MAX_WORDS = 12;
const OWN = 'own';
const UNREACHABLE =
  'The built-in model did not answer. It runs on the course server: start the course with "npm start".';

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

type OwnPromptModule = typeof import('./OwnPrompt');
let ownPromptModule: Promise<OwnPromptModule> | undefined;
/**
 * The own-prompt mode loads when first chosen. Its own three lines rather than ../lazy: that module would be one
 * more file in the sampler's download, which is held to 15 KB.
 */
const loadOwnPrompt = () => (ownPromptModule ??= import('./OwnPrompt'));

export default function NextWordSampler({ scenario: initialScenario = 'rain', headingLevel = 3 }: Props) {
  const id = useId();
  const [scenarioId, setScenarioId] = useState(initialScenario);
  const [temperature, setTemperature] = useState(1);
  const [topK, setTopK] = useState(0);
  const [topP, setTopP] = useState(1);
  const [seed, setSeed] = useState(DEFAULT_SEED);
  const [chosen, setChosen] = useState<string[]>([]);
  const [counts, setCounts] = useState<number[]>([]);
  const [completions, setCompletions] = useState<string[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const [ownPrompt, setOwnPrompt] = useState('');
  const [modelStep, setModelStep] = useState<ModelStep | undefined>();
  const [modelError, setModelError] = useState('');
  const [ownPromptMode, setOwnPromptMode] = useState<OwnPromptModule>();
  const random = useRef(createRandom(DEFAULT_SEED));
  const root = useRef<HTMLElement>(null);
  const live = useEarlyInput(root);

  const own = scenarioId === OWN;
  useEffect(() => {
    if (own) void loadOwnPrompt().then(setOwnPromptMode, () => setModelError(UNREACHABLE));
  }, [own]);
  const OwnPromptForm = ownPromptMode?.default;
  const scenario = scenarios.find((candidate) => candidate.id === scenarioId) ?? scenarios[0];
  if (!scenario) throw new Error('no sampler scenarios');
  const prompt = own ? ownPrompt.trim() : scenario.prompt;
  const step: Step | undefined = own ? modelStep : stepAfter(scenario, chosen);
  const candidates = step?.candidates ?? [];
  const words = candidates.map((candidate) => candidate.word);
  const original = useMemo(() => (candidates.length ? adjust(candidates.map((c) => c.probability)) : []), [step]);
  const options = { temperature, topK, topP };
  const adjusted = useMemo(
    () => (original.length ? adjust(original, options) : []),
    [original, temperature, topK, topP],
  );
  const total = counts.reduce((sum, count) => sum + count, 0);
  const held = candidates.reduce((sum, candidate) => sum + candidate.probability, 0);
  const Heading = `h${headingLevel}` as 'h2' | 'h3';

  const restart = (nextSeed = seed) => {
    random.current = createRandom(nextSeed);
    setChosen([]);
    setCounts([]);
    setCompletions([]);
    setAnnouncement('');
    setModelStep(undefined);
  };

  /** Loads the built-in model's candidates after the given words (own-prompt mode). */
  const askModel = async (words: string[]) => {
    setModelError('');
    try {
      const { fetchNextWords } = await loadOwnPrompt();
      const next = await fetchNextWords(joinWords(ownPrompt.trim(), words));
      setModelStep(next);
      setCounts([]);
      return next;
    } catch {
      setModelError(UNREACHABLE);
      return undefined;
    }
  };
  const changeSetting = (apply: () => void) => {
    apply();
    setCounts([]);
  };

  const draw = (times: number) => {
    const next = Array.from(adjusted, (_, index) => counts[index] ?? 0);
    let last = 0;
    // A thousand draws from ten words take well under a millisecond one by one: no alias table needed.
    for (let i = 0; i < times; i++) {
      last = sampleIndex(adjusted, random.current);
      next[last] = (next[last] ?? 0) + 1;
    }
    setCounts(next);
    setAnnouncement(
      times === 1
        ? `Sampled "${words[last]}".`
        : `Sampled ${times} words: ${words.map((word, index) => `${word} ${next[index] ?? 0}`).join(', ')}.`,
    );
  };

  const addWord = async () => {
    const word = words[sampleIndex(adjusted, random.current)];
    if (word === undefined) return;
    const path = [...chosen, word];
    setChosen(path);
    setCounts([]);
    setAnnouncement(`Added "${word}".`);
    if (own) await askModel(path);
  };

  /** Samples a whole continuation: from the scenario's tree, or word by word from the built-in model. */
  const regenerate = async () => {
    const path: string[] = [];
    let current: Step | undefined = own ? await askModel([]) : scenario.first;
    while (current && path.length < MAX_WORDS) {
      const weights = adjust(
        current.candidates.map((c) => c.probability),
        options,
      );
      const candidate = current.candidates[sampleIndex(weights, random.current)];
      if (!candidate) break;
      path.push(candidate.word);
      if (own)
        current =
          candidate.word === '.'
            ? undefined
            : await loadOwnPrompt()
                .then(({ fetchNextWords }) => fetchNextWords(joinWords(prompt, path)))
                .catch(() => undefined);
      else current = candidate.next;
    }
    const sentence = joinWords(prompt, path) + (path.at(-1) === '.' ? '' : '…');
    setCompletions([sentence, ...completions].slice(0, COMPLETIONS_KEPT));
    setAnnouncement(`New completion: ${sentence}`);
  };

  return (
    <section class="sampler" aria-labelledby={`${id}-title`} ref={root}>
      <Heading id={`${id}-title`} class="sampler__title">
        Try it: next-word sampler
      </Heading>
      <div class="sampler__controls">
        <label>
          <span>Scenario</span>
          <select
            value={scenarioId}
            onChange={(event) => {
              setScenarioId(event.currentTarget.value);
              setTopK(0);
              restart();
            }}
          >
            {scenarios.map((option) => (
              <option value={option.id}>{option.title}</option>
            ))}
            <option value={OWN}>Your own prompt</option>
          </select>
        </label>
        <RangeControl
          id={`${id}-temperature`}
          label="Temperature"
          max={2}
          step={0.05}
          value={temperature}
          format={twoDecimals}
          onChange={(value) => changeSetting(() => setTemperature(value))}
        />
        <label>
          <span>Top-k</span>
          <select value={topK} onChange={(event) => changeSetting(() => setTopK(Number(event.currentTarget.value)))}>
            <option value="0">Off</option>
            {words.map((_, index) => (
              <option value={index + 1}>{index + 1}</option>
            ))}
          </select>
        </label>
        <RangeControl
          id={`${id}-top-p`}
          label="Top-p"
          max={1}
          step={0.01}
          value={topP}
          format={twoDecimals}
          onChange={(value) => changeSetting(() => setTopP(value))}
        />
        <SeedControl
          label="Seed"
          value={seed}
          onChange={(value) => {
            setSeed(value);
            restart(value);
          }}
        />
      </div>
      {own ? (
        OwnPromptForm ? (
          <OwnPromptForm
            id={`${id}-own`}
            prompt={ownPrompt}
            onPrompt={setOwnPrompt}
            onSubmit={() => {
              restart();
              void askModel([]);
            }}
            modelStep={modelStep}
            modelError={modelError}
          />
        ) : (
          <p class="sampler__lesson">{modelError || 'Loading your own prompt…'}</p>
        )
      ) : (
        <p class="sampler__lesson">{scenario.lesson}</p>
      )}

      <p class="sampler__text" aria-live="off">
        <span class="sampler__prompt">{joinWords(prompt, chosen)}</span>
        {step ? <span class="sampler__cursor"> …</span> : <span> {own ? '' : '(end of this example)'}</span>}
      </p>

      {step && (
        <>
          <div class="sampler__buttons">
            <button type="button" class="button" onClick={() => draw(1)} disabled={!live}>
              Sample once
            </button>
            <button type="button" class="button button--quiet" onClick={() => draw(100)} disabled={!live}>
              Sample 100 times
            </button>
            <button type="button" class="button button--quiet" onClick={() => draw(1000)} disabled={!live}>
              Sample 1,000 times
            </button>
          </div>
          <div class="table-scroll" role="region" aria-label="Next-word probabilities and samples" tabindex={0}>
            <table class="sampler__table">
              <caption>
                Next word after "{joinWords(prompt, chosen)}" ({plural(total, 'sample')} drawn)
              </caption>
              <thead>
                <tr>
                  <th scope="col">Word</th>
                  <th scope="col">Model</th>
                  <th scope="col">After settings</th>
                  <th scope="col">Sampled</th>
                  <th scope="col">Expected</th>
                </tr>
              </thead>
              <tbody>
                {words.map((word, index) => {
                  const filtered = (adjusted[index] ?? 0) === 0;
                  const count = counts[index] ?? 0;
                  return (
                    <tr class={filtered ? 'sampler__filtered' : undefined}>
                      <th scope="row">
                        {word}
                        {filtered && <span class="sampler__tag"> filtered</span>}
                      </th>
                      <td>
                        <Bar value={original[index] ?? 0} label={percent(original[index] ?? 0)} />
                      </td>
                      <td>
                        <Bar value={adjusted[index] ?? 0} label={percent(adjusted[index] ?? 0)} strong />
                      </td>
                      <td>
                        <Bar value={total ? count / total : 0} label={String(count)} />
                      </td>
                      <td class="sampler__number">{((adjusted[index] ?? 0) * total).toFixed(1)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}

      {!own && held < 0.999 && (
        <p class="sampler__lesson">
          These {words.length} words hold {percent(held)} of the probability; the many others are left out. Each is
          divided by {held.toFixed(2)} to add up to 100%: "{words[0]}" {percent(candidates[0]?.probability ?? 0)} shows
          as {percent(original[0] ?? 0)}.
        </p>
      )}
      <ul class="sampler__explanation">
        {(original.length ? explainSettings(words, original, options) : []).map((sentence) => (
          <li>{sentence}</li>
        ))}
      </ul>

      <div class="sampler__buttons">
        <button
          type="button"
          class="button"
          onClick={() => void addWord()}
          disabled={!live || !step || chosen.length >= MAX_WORDS}
        >
          Add the next word
        </button>
        <button
          type="button"
          class="button button--quiet"
          onClick={() => void regenerate()}
          disabled={!live || (own && prompt === '')}
        >
          Regenerate a completion
        </button>
        <button type="button" class="button button--quiet" onClick={() => restart()} disabled={!live}>
          Reset
        </button>
      </div>
      {completions.length > 0 && (
        <>
          <p class="sampler__subtitle" id={`${id}-completions`}>
            Completions, newest first
          </p>
          <ol class="sampler__completions" aria-labelledby={`${id}-completions`}>
            {completions.map((sentence) => (
              <li>{sentence}</li>
            ))}
          </ol>
        </>
      )}
      <p class="visually-hidden sampler__announcement" role="status">
        {announcement}
      </p>
    </section>
  );
}

/** The number, with a bar under it on a track of the full width, so that rows compare at a glance. */
function Bar({ value, label, strong = false }: { value: number; label: string; strong?: boolean }) {
  return (
    <span class="sampler__bar">
      <span class="sampler__number">{label}</span>
      <span class="sampler__track" aria-hidden="true">
        <span
          class={strong ? 'sampler__fill sampler__fill--strong' : 'sampler__fill'}
          style={{ width: `${value * 100}%` }}
        />
      </span>
    </span>
  );
}
