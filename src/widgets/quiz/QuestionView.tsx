/** One question: its stem, the controls to answer it, and once checked, what was right and why. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { StandaloneQuestion } from '../../schemas/quiz';
import type { Answer } from '../../lib/quiz/scoring';
import { optionFeedback, sentence, textOf, withoutVerdict } from '../../lib/quiz/answer-text';
import type { QuizQuestion } from '../../lib/quiz/items';

interface Props {
  item: QuizQuestion;
  /** Ids of the choices in the order this attempt shows them. */
  order: string[];
  answer: Answer | undefined;
  checked: boolean;
  /** Receives a change to apply to the latest stored answer, so quick successive inputs are never lost. */
  onAnswer: (change: (previous: Answer | undefined) => Answer) => void;
  idPrefix: string;
}

export function QuestionView({ item, order, answer, checked, onAnswer, idPrefix }: Props) {
  const { question } = item;
  return (
    <div class="quiz-question">
      {item.scenario && (
        <div class="quiz-question__scenario">
          <p class="quiz-question__label">Case study</p>
          <p>{item.scenario}</p>
        </div>
      )}
      <p class="quiz-question__stem" id={`${idPrefix}-stem`}>
        {question.stem}
      </p>
      {(question.type === 'single' || question.type === 'multiple') && (
        <Choices
          question={question}
          order={order}
          answer={answer}
          checked={checked}
          onAnswer={onAnswer}
          idPrefix={idPrefix}
        />
      )}
      {question.type === 'ordering' && (
        <Ordering question={question} answer={answer} checked={checked} onAnswer={onAnswer} idPrefix={idPrefix} />
      )}
      {question.type === 'matching' && (
        <Matching
          question={question}
          order={order}
          answer={answer}
          checked={checked}
          onAnswer={onAnswer}
          idPrefix={idPrefix}
        />
      )}
    </div>
  );
}

type ChoiceQuestion = Extract<StandaloneQuestion, { type: 'single' | 'multiple' }>;

function Choices({
  question,
  order,
  answer,
  checked,
  onAnswer,
  idPrefix,
}: Omit<Props, 'item'> & { question: ChoiceQuestion }) {
  const multiple = question.type === 'multiple';
  const chosen = multiple ? (Array.isArray(answer) ? answer : []) : typeof answer === 'string' ? [answer] : [];
  const right = multiple ? question.answer : [question.answer];
  return (
    <fieldset class="quiz-choices" aria-labelledby={`${idPrefix}-stem`}>
      {multiple && <p class="quiz-question__hint">Select {question.answer.length}.</p>}
      {order.map((id, index) => {
        const option = question.options.find((o) => o.id === id);
        if (!option) return null;
        const picked = chosen.includes(id);
        const isRight = right.includes(id);
        const state = checked ? (isRight ? 'right' : picked ? 'wrong' : 'other') : undefined;
        const feedback = optionFeedback(option, isRight, picked);
        return (
          <div class={`quiz-choice${state ? ` quiz-choice--${state}` : ''}`}>
            <label>
              <input
                type={multiple ? 'checkbox' : 'radio'}
                name={`${idPrefix}-choice`}
                value={id}
                checked={picked}
                disabled={checked}
                onChange={() =>
                  onAnswer((previous) => {
                    if (!multiple) return id;
                    const before = Array.isArray(previous) ? previous : [];
                    return before.includes(id) ? before.filter((c) => c !== id) : [...before, id];
                  })
                }
              />
              <kbd aria-hidden="true">{index + 1}</kbd>
              <span>{option.text}</span>
            </label>
            {checked && (
              <p class="quiz-choice__why">
                <strong>{feedback.verdict}</strong> {feedback.why}
              </p>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

type OrderingQuestion = Extract<StandaloneQuestion, { type: 'ordering' }>;

function Ordering({
  question,
  answer,
  checked,
  onAnswer,
  idPrefix,
}: Omit<Props, 'item' | 'order'> & { question: OrderingQuestion }) {
  const current = Array.isArray(answer) ? answer : [];
  const list = useRef<HTMLOListElement>(null);
  // The step last moved: focus follows it, so Enter again moves it further, and its new place is announced.
  const [moved, setMoved] = useState<{ id: string; by: number }>();
  const move = (index: number, by: number) => {
    const id = current[index];
    if (id === undefined) return;
    setMoved({ id, by });
    onAnswer((previous) => {
      const next = Array.isArray(previous) ? [...previous] : [...current];
      const from = next.indexOf(id);
      if (from === -1 || next[from + by] === undefined) return next;
      next.splice(from, 1);
      next.splice(from + by, 0, id);
      return next;
    });
  };
  const movedTo = moved ? current.indexOf(moved.id) : -1;
  useEffect(() => {
    if (!moved || movedTo === -1) return;
    const [up, down] = list.current?.children[movedTo]?.querySelectorAll('button') ?? [];
    const along = moved.by < 0 ? up : down;
    (along && !along.disabled ? along : moved.by < 0 ? down : up)?.focus();
  }, [moved, movedTo]);
  return (
    <div>
      <p class="quiz-question__hint" id={`${idPrefix}-hint`}>
        Put the steps in order with the Up and Down buttons.
      </p>
      <ol class="quiz-ordering" aria-describedby={`${idPrefix}-hint`} ref={list}>
        {current.map((id, index) => {
          const item = question.items.find((i) => i.id === id);
          if (!item) return null;
          const inPlace = question.answer[index] === id;
          return (
            <li key={id} class={checked ? (inPlace ? 'quiz-choice--right' : 'quiz-choice--wrong') : undefined}>
              <span class="quiz-ordering__text">{item.text}</span>
              {!checked && (
                <span class="quiz-ordering__moves">
                  <button
                    type="button"
                    class="button button--quiet"
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                    aria-label={`Move "${item.text}" up`}
                  >
                    Up
                  </button>
                  <button
                    type="button"
                    class="button button--quiet"
                    disabled={index === current.length - 1}
                    onClick={() => move(index, 1)}
                    aria-label={`Move "${item.text}" down`}
                  >
                    Down
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {!checked && (
        <p class="visually-hidden" role="status">
          {moved &&
            movedTo !== -1 &&
            `"${textOf(question.items, moved.id)}" is now step ${movedTo + 1} of ${current.length}.`}
        </p>
      )}
      {checked && (
        <div class="quiz-feedback__detail">
          <p>
            <strong>The right order:</strong>
          </p>
          <ol>
            {question.answer.map((id) => {
              const item = question.items.find((i) => i.id === id);
              return (
                <li>
                  {sentence(textOf(question.items, id))}{' '}
                  <span class="quiz-choice__why">{withoutVerdict(item?.explanation ?? '')}</span>
                </li>
              );
            })}
          </ol>
        </div>
      )}
    </div>
  );
}

type MatchingQuestion = Extract<StandaloneQuestion, { type: 'matching' }>;

/** About as many characters as a menu shows on a 360 px phone; a longer choice is also written out below it. */
const MENU_FITS = 28;

function Matching({
  question,
  order,
  answer,
  checked,
  onAnswer,
  idPrefix,
}: Omit<Props, 'item'> & { question: MatchingQuestion }) {
  const pairs = answer && typeof answer === 'object' && !Array.isArray(answer) ? answer : {};
  return (
    <div class="quiz-matching">
      {question.prompts.map((prompt, index) => {
        const selectId = `${idPrefix}-match-${index}`;
        const right = question.answer[prompt.id] ?? '';
        const state = checked ? (pairs[prompt.id] === right ? 'right' : 'wrong') : undefined;
        const chosen = pairs[prompt.id] ? textOf(question.responses, pairs[prompt.id] ?? '') : '';
        return (
          <div class={`quiz-matching__row${state ? ` quiz-choice--${state}` : ''}`}>
            <label for={selectId}>{prompt.text}</label>
            <select
              id={selectId}
              value={pairs[prompt.id] ?? ''}
              disabled={checked}
              onChange={(event) => {
                const value = event.currentTarget.value;
                onAnswer((previous) => ({
                  ...(previous && typeof previous === 'object' && !Array.isArray(previous) ? previous : {}),
                  [prompt.id]: value,
                }));
              }}
            >
              <option value="">Choose…</option>
              {order.map((id) => (
                <option value={id}>{textOf(question.responses, id)}</option>
              ))}
            </select>
            {chosen.length > MENU_FITS && (
              // A menu shows its choice on one line, cut short on a phone: the learner's answer is written out in full.
              <p class="quiz-matching__chosen" aria-hidden="true">
                {chosen}
              </p>
            )}
            {checked && (
              <p class="quiz-choice__why">
                <strong>
                  {state === 'right' ? 'Right.' : sentence(`Right match: ${textOf(question.responses, right)}`)}
                </strong>{' '}
                {question.responses.find((r) => r.id === right)?.explanation}
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}
