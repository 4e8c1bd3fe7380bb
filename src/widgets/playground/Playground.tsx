/**
 * The playground: chat with the built-in model or an Amazon Bedrock model, or send one prompt to two lanes side by
 * side, with the inference parameters each model accepts. A thin view over src/lib/playground.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ModelsResponse } from '../../lib/chat-protocol';
import {
  applyEvent,
  conversationTotals,
  describeTotals,
  emptyConversation,
  laneHistory,
  startTurn,
  stopAnswer,
  updateAnswer,
  type AnswerStatus,
  type Conversation,
} from '../../lib/playground/conversation';
import type { PlaygroundError } from '../../lib/playground/errors';
import { conversationToMarkdown } from '../../lib/playground/export';
import { presetFromSearch, presetSettings } from '../../lib/playground/presets';
import {
  buildChatRequest,
  fitLane,
  lanesToSend,
  promptProblem,
  randomnessControl,
  settingsFor,
  switchModel,
  usableModel,
  type LaneSettings,
  type PlaygroundSettings,
} from '../../lib/playground/settings';
import { conversation as storedConversation } from '../../stores/conversation';
import AnswerView from './AnswerView';
import LaneControls from './LaneControls';
import { chatEvents, fetchModels, saveAccessToken, savedAccessToken } from './api';
import './playground.css';

/** How often a streaming conversation is written to storage, at most. */
const SAVE_EVERY_MS = 500;
const SIDES = ['Side A', 'Side B'] as const;
/** The built-in model writes a whole answer in a blink: its words are shown at a pace the learner can follow. */
const PACES = [
  { label: 'Steady, like a chat service (20 a second)', msPerWord: 50 },
  { label: 'Slow, to read along (4 a second)', msPerWord: 250 },
  { label: 'All at once', msPerWord: 0 },
] as const;

/** Waits `ms`, or less if `signal` aborts first (the Stop button). */
const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = window.setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (window.clearTimeout(timer), resolve()), { once: true });
  });

export default function Playground() {
  const id = useId();
  const [catalog, setCatalog] = useState<ModelsResponse>();
  const [loadError, setLoadError] = useState<PlaygroundError>();
  const [current, setCurrent] = useState<Conversation>(() => storedConversation.get());
  const [prompt, setPrompt] = useState('');
  const [promptIssue, setPromptIssue] = useState('');
  const [preset, setPreset] = useState<{ title: string; note: string }>();
  const [presetProblem, setPresetProblem] = useState('');
  const [cleared, setCleared] = useState<Conversation>();
  const [copied, setCopied] = useState<{ ok: boolean; markdown: string }>();
  const [streaming, setStreaming] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [accessToken, setAccessToken] = useState(savedAccessToken);
  const [tokenAsked, setTokenAsked] = useState(false);
  const [msPerWord, setMsPerWord] = useState<number>(PACES[0].msPerWord);
  const controllers = useRef<AbortController[]>([]);
  const latest = useRef(current);
  const saveTimer = useRef<number | undefined>(undefined);

  const models = catalog?.models ?? [];
  const settings = settingsFor(current.settings, models);

  useEffect(() => {
    void fetchModels().then((result) => {
      if ('error' in result) return setLoadError(result.error);
      setCatalog(result.models);
      const { preset: chosen, problem } = presetFromSearch(location.search);
      if (problem) setPresetProblem(problem);
      const presetSetup = chosen && presetSettings(chosen, result.models.models);
      if (!chosen || !presetSetup) return;
      setPreset(chosen);
      setPrompt(chosen.prompt);
      // A preset starts a new conversation; the one it replaces can be brought back with Undo.
      if (current.turns.length) setCleared(current);
      setCurrent({ ...emptyConversation(), settings: presetSetup });
      // Applied once: a reload keeps the conversation instead of starting the preset again.
      history.replaceState(history.state, '', location.pathname);
    });
  }, []);

  // Saved at once when idle (in the same task as the change, so a reload straight after a clear keeps it), at most
  // every SAVE_EVERY_MS while answers stream in.
  useLayoutEffect(() => {
    latest.current = current;
    if (!streaming) {
      window.clearTimeout(saveTimer.current);
      saveTimer.current = undefined;
      storedConversation.set(current);
      return;
    }
    saveTimer.current ??= window.setTimeout(() => {
      saveTimer.current = undefined;
      storedConversation.set(latest.current);
    }, SAVE_EVERY_MS);
  }, [current, streaming]);

  const changeSettings = (change: (settings: PlaygroundSettings) => PlaygroundSettings) =>
    setCurrent((old) => {
      const base = settingsFor(old.settings, models);
      return base ? { ...old, settings: change(base) } : old;
    });
  const changeLane = (index: number, lane: LaneSettings) =>
    changeSettings((old) => {
      const lanes: [LaneSettings, LaneSettings] = [...old.lanes];
      lanes[index] = fitLane(lane, models);
      return { ...old, lanes };
    });

  const send = async () => {
    if (!settings || streaming) return;
    const issue = promptProblem(prompt, settings.system);
    setPromptIssue(issue ?? '');
    if (issue) return;
    const lanes = lanesToSend(settings, models);
    const turnId = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    const sent = prompt;
    const histories = lanes.map((_, index) => laneHistory(current.turns, index));
    setCurrent((old) =>
      startTurn(old, {
        id: turnId,
        now: new Date(),
        prompt: sent,
        system: settings.system.trim(),
        lanes: lanes.map(({ lane, model }) => {
          const control = randomnessControl(lane, model);
          return { lane, modelName: model.name, ...(control === 'both' ? {} : { onlySent: control }) };
        }),
      }),
    );
    setPrompt('');
    setCleared(undefined);
    setCopied(undefined);
    setStreaming(true);
    setAnnouncement(settings.compare ? 'Both answers are on their way.' : 'The answer is on its way.');
    controllers.current = lanes.map(() => new AbortController());

    const outcomes = await Promise.all(
      lanes.map(async ({ lane, model }, index): Promise<AnswerStatus> => {
        const signal = controllers.current[index]?.signal ?? new AbortController().signal;
        const request = buildChatRequest({
          lane,
          model,
          system: settings.system,
          history: histories[index] ?? [],
          prompt: sent,
        });
        let status: AnswerStatus = 'stopped';
        for await (const event of chatEvents(request, signal, accessToken)) {
          // Only the built-in model sends one word at a time, with its alternatives.
          if (event.type === 'delta' && event.alternatives && msPerWord > 0) await pause(msPerWord, signal);
          if (signal.aborted) break;
          if (event.type === 'done' || event.type === 'error') status = event.type;
          if (event.type === 'error' && event.error.code === 'unauthorized') setTokenAsked(true);
          setCurrent((old) => updateAnswer(old, turnId, index, (answer) => applyEvent(answer, event)));
        }
        if (status === 'stopped')
          setCurrent((old) => updateAnswer(old, turnId, index, (answer) => stopAnswer(answer, request, model)));
        return status;
      }),
    );
    controllers.current = [];
    setStreaming(false);
    const words = { done: 'finished', error: 'failed', stopped: 'stopped', streaming: 'stopped' } as const;
    setAnnouncement(
      outcomes.length === 1
        ? `The answer ${words[outcomes[0] ?? 'stopped']}.`
        : outcomes.map((outcome, index) => `${SIDES[index]} ${words[outcome]}.`).join(' '),
    );
  };

  const stop = () => {
    for (const controller of controllers.current) controller.abort();
  };

  const clear = () => {
    setCleared(current);
    setCopied(undefined);
    setCurrent((old) => ({ ...old, turns: [] }));
    setAnnouncement('Conversation cleared.');
  };

  const copy = async () => {
    const markdown = conversationToMarkdown(current);
    try {
      await navigator.clipboard.writeText(markdown);
      setCopied({ ok: true, markdown });
      setAnnouncement('Conversation copied as Markdown.');
    } catch {
      setCopied({ ok: false, markdown });
    }
  };

  const laneModel = (lane: LaneSettings) => usableModel(models, lane.modelId);
  const unavailable = models.filter((model) => !model.available);
  const reasons = [
    ...new Set([
      ...(catalog?.bedrock.advice ? [catalog.bedrock.advice] : []),
      ...unavailable.flatMap((model) => (model.unavailableReason ? [model.unavailableReason] : [])),
    ]),
  ];
  const laneCount = settings?.compare ? 2 : 1;

  return (
    <div class="playground">
      {presetProblem && <p class="playground__notice">{presetProblem}</p>}
      {preset && (
        <div class="playground__notice">
          <p>
            <strong>{preset.title}.</strong> {preset.note}
          </p>
        </div>
      )}
      {loadError && (
        <div class="playground__error" role="alert">
          <p>
            <strong>{loadError.message}</strong>
          </p>
          {loadError.advice && <p>{loadError.advice}</p>}
        </div>
      )}
      {!catalog && !loadError && <p>Loading the models…</p>}

      <section class="playground__conversation" aria-labelledby={`${id}-conversation`}>
        <h2 id={`${id}-conversation`}>Conversation</h2>
        {current.turns.length === 0 && (
          <p class="playground__empty">
            {cleared ? 'Conversation cleared.' : 'No messages yet: write a prompt below and send it.'}
            {cleared && (
              <>
                {' '}
                <button
                  type="button"
                  class="button button--quiet"
                  onClick={() => {
                    setCurrent((old) => ({ ...old, turns: cleared.turns }));
                    setCleared(undefined);
                    setAnnouncement('Conversation restored.');
                  }}
                >
                  Undo
                </button>
              </>
            )}
          </p>
        )}
        <ol class="playground__turns">
          {current.turns.map((turn) => (
            <li class="playground__turn">
              <div class="playground__prompt">
                <span class="playground__who">You</span>
                <p>{turn.prompt}</p>
              </div>
              <div class={`playground__answers${turn.answers.length > 1 ? ' playground__answers--two' : ''}`}>
                {turn.answers.map((answer, index) => (
                  <AnswerView answer={answer} {...(turn.answers.length > 1 ? { side: SIDES[index] } : {})} />
                ))}
              </div>
            </li>
          ))}
        </ol>
        {current.turns.length > 0 && (
          <div class="playground__totals">
            <p>This conversation: {describeTotals(conversationTotals(current.turns))}.</p>
            {current.turns.some((turn) => turn.answers.length > 1) && (
              <p>
                {SIDES.map(
                  (side, index) => `${side}: ${describeTotals(conversationTotals(current.turns, index))}.`,
                ).join(' ')}
              </p>
            )}
            <div class="playground__actions">
              <button type="button" class="button button--quiet" onClick={() => void copy()}>
                Copy as Markdown
              </button>
              <button type="button" class="button button--quiet" onClick={clear} disabled={streaming}>
                Clear conversation
              </button>
            </div>
            {copied?.ok && <p class="playground__hint">Copied.</p>}
            {copied && !copied.ok && (
              <label class="playground__system">
                <span>This browser did not allow copying: select the Markdown below and copy it yourself.</span>
                <textarea rows={6} readOnly value={copied.markdown} />
              </label>
            )}
          </div>
        )}
      </section>

      <form
        class="playground__composer"
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <label for={`${id}-prompt`}>Your prompt</label>
        <textarea
          id={`${id}-prompt`}
          rows={3}
          value={prompt}
          aria-describedby={`${id}-prompt-hint`}
          onInput={(event) => setPrompt(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              void send();
            }
          }}
        />
        <p id={`${id}-prompt-hint`} class="playground__hint">
          Ctrl+Enter (⌘+Enter on a Mac) sends.{' '}
          {settings?.compare ? 'Both sides answer the same prompt.' : 'Earlier turns are sent along as context.'}
        </p>
        {promptIssue && (
          <p class="playground__issue" role="alert">
            {promptIssue}
          </p>
        )}
        <div class="playground__actions">
          <button type="submit" class="button" disabled={!settings || streaming}>
            Send
          </button>
          <button type="button" class="button button--quiet" onClick={stop} disabled={!streaming}>
            Stop
          </button>
          <label class="playground__pace">
            <span>Built-in model’s words</span>
            <select value={msPerWord} onChange={(event) => setMsPerWord(Number(event.currentTarget.value))}>
              {PACES.map((pace) => (
                <option value={pace.msPerWord}>{pace.label}</option>
              ))}
            </select>
          </label>
        </div>
      </form>
      {settings && (
        <details class="playground__setup" open>
          <summary>Models and parameters</summary>
          <fieldset class="playground__choice">
            <legend>Mode</legend>
            <label>
              <input
                type="radio"
                name={`${id}-mode`}
                checked={!settings.compare}
                onChange={() => changeSettings((old) => ({ ...old, compare: false }))}
              />
              Chat with one model
            </label>
            <label>
              <input
                type="radio"
                name={`${id}-mode`}
                checked={settings.compare}
                onChange={() => changeSettings((old) => ({ ...old, compare: true }))}
              />
              Compare two answers side by side
            </label>
          </fieldset>
          <label class="playground__system">
            <span>System prompt (optional): the role and rules for every answer</span>
            <textarea
              rows={2}
              value={settings.system}
              onInput={(event) => {
                const system = event.currentTarget.value;
                changeSettings((old) => ({ ...old, system }));
              }}
            />
          </label>
          <div class={`playground__lanes${laneCount === 2 ? ' playground__lanes--two' : ''}`}>
            {settings.lanes.slice(0, laneCount).map((lane, index) => {
              const model = laneModel(lane);
              return (
                model && (
                  <LaneControls
                    id={`${id}-lane-${index}`}
                    legend={laneCount === 2 ? (SIDES[index] ?? '') : 'Model and parameters'}
                    lane={lane}
                    model={model}
                    models={models}
                    onChange={(next) => changeLane(index, next)}
                    onModel={(next) => changeLane(index, switchModel(lane, next))}
                  />
                )
              );
            })}
          </div>
          <details class="playground__access" open={tokenAsked || accessToken !== ''}>
            <summary>Access token (only if this server asks for one)</summary>
            {/* A form, so that browsers and password managers treat the field as the secret it is. */}
            <form class="playground__field" onSubmit={(event) => event.preventDefault()}>
              <label for={`${id}-access`}>Access token for Amazon Bedrock models, from the server’s owner</label>
              <input
                id={`${id}-access`}
                type="password"
                autoComplete="off"
                value={accessToken}
                onInput={(event) => {
                  const token = event.currentTarget.value.trim();
                  setAccessToken(token);
                  saveAccessToken(token);
                }}
              />
            </form>
            <p class="playground__hint">Kept in this tab only, and sent only to this site’s server.</p>
          </details>
          {unavailable.length > 0 && (
            <div class="playground__unavailable">
              <p>
                {catalog?.bedrock.enabled
                  ? 'Some Amazon Bedrock models are not open to this course server, so the Model menu greys them out.'
                  : 'Amazon Bedrock models are greyed out: this course server is not connected to an AWS account. The built-in model needs no account, and everything the lessons ask you to try works with it.'}
              </p>
              <details>
                <summary>For whoever runs this server: how to turn them on</summary>
                <p>Unavailable on this server: {unavailable.map((model) => model.name).join(', ')}.</p>
                {reasons.map((reason) => (
                  <p>{reason}</p>
                ))}
              </details>
            </div>
          )}
        </details>
      )}
      <p class="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}
