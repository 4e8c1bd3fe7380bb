/** One answer in the conversation: its text (Markdown, or words to explore for the built-in model) and figures. */
import { Component, h, type ComponentChild } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { Answer, TokenStep } from '../../lib/playground/conversation';
import { answerFigures, settingsSummary, stopReasonText } from '../../lib/playground/export';
import type { MarkdownNode } from '../../lib/playground/markdown-tree';

const percent = (value: number) => (value > 0 && value < 0.0005 ? '<0.1%' : `${(value * 100).toFixed(1)}%`);

interface Props {
  answer: Answer;
  side?: string;
}

/**
 * An answer that did not change is not drawn again while another one streams (updateAnswer keeps untouched
 * answers as the same objects). A class rather than preact/compat's memo, which would bring all of compat along.
 */
export default class AnswerViewOnChange extends Component<Props> {
  override shouldComponentUpdate(next: Props) {
    return next.answer !== this.props.answer || next.side !== this.props.side;
  }

  override render() {
    return <AnswerView {...this.props} />;
  }
}

function AnswerView({ answer, side }: Props) {
  const [byWord, setByWord] = useState(false);
  const label = `${side ? `${side}: ` : ''}${answer.modelName}`;
  const waiting = answer.status === 'streaming' && answer.text === '';
  const figures = answerFigures(answer);
  const tokens = answer.tokens ?? [];
  return (
    <article class="playground__answer" aria-label={`Answer from ${label}`}>
      <header class="playground__answer-header">
        <strong>{label}</strong>
        <span class="playground__settings-used">{settingsSummary(answer)}</span>
      </header>
      {waiting && <p class="playground__waiting">Waiting for the first word…</p>}
      {byWord && tokens.length > 0 ? <TokenView tokens={tokens} label={label} /> : <FormattedText answer={answer} />}
      {tokens.length > 0 && (
        <button
          type="button"
          class="button button--quiet playground__by-word"
          aria-pressed={byWord}
          onClick={() => setByWord(!byWord)}
        >
          Explore word by word
        </button>
      )}
      {answer.status === 'error' && answer.error ? (
        <div class="playground__error">
          <p>
            <strong>{answer.error.message}</strong>
          </p>
          {answer.error.advice && <p>{answer.error.advice}</p>}
        </div>
      ) : (
        answer.status !== 'streaming' && (
          <p class="playground__figures">
            {figures && !figures.endsWith('.') ? `${figures}.` : figures}
            {answer.stopReason && ` Ended because ${stopReasonText(answer.stopReason)}.`}
          </p>
        )
      )}
    </article>
  );
}

/** The server's Markdown tree, then any text that arrived after it was built, as it is. */
function FormattedText({ answer: { text, markdown } }: { answer: Answer }) {
  const rest = text.slice(markdown?.chars ?? 0);
  return (
    <>
      {markdown && markdown.nodes.length > 0 && (
        // Lesson typography (prose) for tables, code and lists.
        <div class="playground__markdown prose">{markdown.nodes.map(draw)}</div>
      )}
      {rest.trim() && <p class="playground__plain">{markdown ? rest.trimStart() : rest}</p>}
    </>
  );
}

/** A tree node as Preact elements: only the tree's allowed tags and checked links (see markdown-tree.ts). */
function draw(node: MarkdownNode): ComponentChild {
  if (typeof node === 'string') return node;
  const { tag, href, start, align, children } = node;
  // Following a model's link tells the site nothing about this page.
  const rel = href && 'noreferrer nofollow';
  // A code block scrolls sideways, so it takes focus for the keyboard, as the lessons' code blocks do.
  const tabIndex = tag === 'pre' ? 0 : undefined;
  const element = h(tag, { href, rel, start, tabIndex, style: align && { textAlign: align } }, children.map(draw));
  // A wide table scrolls on its own on a phone; the region can take focus, so the keyboard can scroll it.
  return tag === 'table' ? (
    <div class="table-scroll" role="region" aria-label="Table in the answer" tabindex={0}>
      {element}
    </div>
  ) : (
    element
  );
}

/**
 * The built-in model's words as a toolbar of buttons (arrow keys move between them); one opens its alternatives right
 * after it.
 */
function TokenView({ tokens, label }: { tokens: TokenStep[]; label: string }) {
  const [selected, setSelected] = useState<number>();
  const [focusIndex, setFocusIndex] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const step = selected === undefined ? undefined : tokens[selected];

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(tokens.length - 1, index));
    setFocusIndex(next);
    buttons.current[next]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    // Keys inside the open alternatives (scrolling their table) stay there.
    if (!(event.target as HTMLElement).classList.contains('playground__token')) return;
    const moves: Record<string, number> = {
      ArrowRight: focusIndex + 1,
      ArrowDown: focusIndex + 1,
      ArrowLeft: focusIndex - 1,
      ArrowUp: focusIndex - 1,
      Home: 0,
      End: tokens.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    moveTo(target);
  };

  return (
    <>
      <div
        class="playground__tokens"
        role="toolbar"
        aria-label={`Words of the answer from ${label}: select one to see the alternatives`}
        onKeyDown={onKeyDown}
      >
        {tokens.map((token, index) => (
          <>
            {index > 0 && /^\s/.test(token.text) ? ' ' : ''}
            <button
              type="button"
              class="playground__token"
              tabIndex={index === Math.min(focusIndex, tokens.length - 1) ? 0 : -1}
              aria-pressed={selected === index}
              ref={(element) => {
                buttons.current[index] = element;
              }}
              onClick={() => {
                setFocusIndex(index);
                setSelected(selected === index ? undefined : index);
              }}
            >
              {token.text.trim()}
            </button>
            {/* Beside the word, so the eye need not travel to find what the model weighed there. */}
            {step && index === selected && <Alternatives step={step} position={index + 1} total={tokens.length} />}
          </>
        ))}
      </div>
    </>
  );
}

function Alternatives({ step, position, total }: { step: TokenStep; position: number; total: number }) {
  const word = step.text.trim();
  const chosen = step.alternatives.findIndex((alternative) => alternative.token.toLowerCase() === word.toLowerCase());
  return (
    <div
      class="table-scroll playground__word-alternatives"
      role="region"
      aria-label={`Alternatives for "${word}"`}
      tabindex={0}
    >
      <table class="playground__alternatives">
        <caption>
          Word {position} of {total}, "{word}": the model’s most likely words at this point
          {chosen === -1 && ` ("${word}" itself is not among them)`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Word</th>
            <th scope="col">Model</th>
            <th scope="col">After temperature, top-k, top-p</th>
          </tr>
        </thead>
        <tbody>
          {step.alternatives.map((alternative, index) => (
            <tr class={alternative.adjusted === 0 ? 'playground__cut' : undefined}>
              <th scope="row">
                {alternative.token}
                {index === chosen && <span class="playground__tag"> chosen</span>}
                {alternative.adjusted === 0 && <span class="playground__tag"> cut</span>}
              </th>
              <td>
                <Bar value={alternative.probability} />
              </td>
              <td>
                <Bar value={alternative.adjusted} strong />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Bar({ value, strong = false }: { value: number; strong?: boolean }) {
  return (
    <span class="playground__bar">
      <span
        class={strong ? 'playground__fill playground__fill--strong' : 'playground__fill'}
        style={{ width: `${Math.min(1, value) * 100}%` }}
        aria-hidden="true"
      />
      <span class="playground__number">{percent(value)}</span>
    </span>
  );
}
