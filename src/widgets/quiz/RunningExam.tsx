/**
 * A mock exam under way: one question at a time with the clock and progress in view, flags, the navigator, the
 * review screen, and submission by the learner or when time runs out. Loaded once an exam is started or resumed, so
 * the start screen stays small.
 */
import { useStore } from '@nanostores/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { StandaloneQuestion } from '../../schemas/quiz';
import { describeClock, formatClock, millisecondsLeft } from '../../lib/quiz/clock';
import {
  finished,
  MOCK_SCOPE,
  openAttempt,
  withAnswer,
  withFlag,
  withPosition,
  type Attempt,
} from '../../lib/quiz/history';
import type { QuizQuestion } from '../../lib/quiz/items';
import { answerForNumberKey, quizKeyAction } from '../../lib/quiz/keyboard';
import { presentedOrder } from '../../lib/quiz/presentation';
import { results } from '../../lib/quiz/results';
import { answerProgress, isCorrect, type Answer, type AnswerProgress } from '../../lib/quiz/scoring';
import { examFocus } from '../../stores/exam-focus';
import { changeAttempt, quizHistory } from '../../stores/quiz-history';
import { recordReviews } from '../../stores/review-cards';
import { focusNeighbourChoice, keyPress } from './key-press';
import { KeyHints } from './KeyHints';
import { QuestionView } from './QuestionView';

function submit(attempt: Attempt, items: Map<string, QuizQuestion>) {
  const now = latestAttempt() ?? attempt;
  const questions = now.questionIds.map((qid) => items.get(qid)?.question).filter((q): q is StandaloneQuestion => !!q);
  const outcome = results(questions, now.answers);
  const moment = new Date();
  void recordReviews(
    questions.map((question) => ({ questionId: question.id, correct: isCorrect(question, now.answers[question.id]) })),
    moment,
  );
  changeAttempt(now.id, finished({ correct: outcome.correct, total: outcome.total }, moment));
}

const latestAttempt = () => openAttempt(quizHistory.get(), MOCK_SCOPE);

export default function RunningExam({
  attempt,
  items,
  idPrefix,
  onSubmitted,
}: {
  attempt: Attempt;
  items: Map<string, QuizQuestion>;
  idPrefix: string;
  onSubmitted: (attemptId: string) => void;
}) {
  const [index, setIndex] = useState(attempt.position ?? 0);
  const [reviewing, setReviewing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [now, setNow] = useState(() => new Date());
  const heading = useRef<HTMLHeadingElement>(null);
  const section = useRef<HTMLElement>(null);
  const left = millisecondsLeft(attempt.deadline, now);
  const submitNow = () => {
    submit(attempt, items);
    onSubmitted(attempt.id);
  };

  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (left === 0) submitNow();
  }, [left === 0]);
  useEffect(() => {
    // The heading sits in a bar that stays in view, so focusing it never scrolls: on a phone the next question would
    // show from wherever the last one was scrolled to. Its start is brought into view first.
    const headerBottom = document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0;
    if ((section.current?.getBoundingClientRect().top ?? 0) < headerBottom) section.current?.scrollIntoView();
    heading.current?.focus({ preventScroll: true });
  }, [index, reviewing]);
  useEffect(() => {
    if (index !== (latestAttempt()?.position ?? 0)) changeAttempt(attempt.id, withPosition(index));
  }, [index]);
  const focusMode = useStore(examFocus);
  useEffect(() => {
    document.documentElement.toggleAttribute('data-exam-focus', focusMode);
    return () => document.documentElement.removeAttribute('data-exam-focus');
  }, [focusMode]);

  const total = attempt.questionIds.length;
  const item = items.get(attempt.questionIds[index] ?? '');
  const progressOf = (qid: string): AnswerProgress => {
    const question = items.get(qid)?.question;
    return question ? answerProgress(question, attempt.answers[qid]) : 'not answered';
  };
  const count = (progress: AnswerProgress) => attempt.questionIds.filter((qid) => progressOf(qid) === progress).length;
  const answered = count('answered');
  const partly = count('partly answered');
  const tally = [
    `${answered} of ${total} answered`,
    ...(partly > 0 ? [`${partly} partly answered`] : []),
    `${attempt.flagged.length} flagged`,
  ];
  const move = (by: number) => setIndex((at) => Math.max(0, Math.min(total - 1, at + by)));
  const clock = (
    <p class="mock__clock" role="timer" aria-label={describeClock(left)}>
      <span aria-hidden="true">{formatClock(left)}</span>
    </p>
  );

  if (reviewing || !item) {
    return (
      <section class="quiz" aria-labelledby={`${idPrefix}-review`} ref={section}>
        <div class="quiz__top mock__bar">
          <h2 id={`${idPrefix}-review`} tabIndex={-1} ref={heading}>
            Review before you submit
          </h2>
          {clock}
        </div>
        <p>
          {tally.join(', ')}.
          {answered < total &&
            ' Questions not fully answered count as wrong, as every question is all or nothing; there is no penalty for guessing.'}
        </p>
        <Navigator
          attempt={attempt}
          progressOf={progressOf}
          current={-1}
          onPick={(at) => (setIndex(at), setReviewing(false))}
        />
        <div class="quiz__actions">
          <button type="button" class="button button--quiet" onClick={() => setReviewing(false)}>
            Back to the questions
          </button>
          {confirming ? (
            <button type="button" class="button" onClick={submitNow}>
              Yes, submit the exam
            </button>
          ) : (
            <button type="button" class="button" onClick={() => setConfirming(true)}>
              Submit the exam
            </button>
          )}
        </div>
      </section>
    );
  }

  const question = item.question;
  const order = presentedOrder(question, attempt.seed);
  const answer = attempt.answers[question.id] ?? (question.type === 'ordering' ? order : undefined);
  const flagged = attempt.flagged.includes(question.id);
  const setAnswer = (change: (previous: Answer | undefined) => Answer) =>
    changeAttempt(attempt.id, (a) => withAnswer(question.id, change(a.answers[question.id] ?? answer))(a));
  const toggleFlag = () =>
    changeAttempt(attempt.id, withFlag(question.id, !latestAttempt()?.flagged.includes(question.id)));

  const onKeyDown = (event: KeyboardEvent) => {
    const action = quizKeyAction(keyPress(event));
    if (action === 'option') {
      const picked = answerForNumberKey(question, order, latestAttempt()?.answers[question.id], event.key);
      if (picked === undefined) return;
      setAnswer(() => picked);
    } else if (action === 'flag') {
      toggleFlag();
    } else if (action === 'enter' || action === 'next') {
      if (index === total - 1) setReviewing(true);
      else move(1);
    } else if (action === 'previous') {
      move(-1);
    } else if (action === 'next-choice' || action === 'previous-choice') {
      focusNeighbourChoice(event, action === 'next-choice' ? 1 : -1);
    } else return;
    event.preventDefault();
  };

  return (
    <section class="quiz" aria-labelledby={`${idPrefix}-q`} onKeyDown={onKeyDown} ref={section}>
      <div class="quiz__top mock__bar">
        <h2 id={`${idPrefix}-q`} tabIndex={-1} ref={heading}>
          Question {index + 1} of {total}
        </h2>
        {clock}
        <p class="quiz__meta mock__progress">{tally.join(' · ')}</p>
      </div>
      <QuestionView
        key={question.id}
        item={item}
        order={order}
        answer={answer}
        checked={false}
        onAnswer={setAnswer}
        idPrefix={`${idPrefix}-${index}`}
      />
      <div class="quiz__actions">
        <button type="button" class="button button--quiet" onClick={() => move(-1)} disabled={index === 0}>
          Previous
        </button>
        <button type="button" class="button button--quiet" aria-pressed={flagged} onClick={toggleFlag}>
          {flagged ? 'Flagged' : 'Flag for review'}
        </button>
        {index === total - 1 ? (
          <button type="button" class="button" onClick={() => setReviewing(true)}>
            Review and submit
          </button>
        ) : (
          <button type="button" class="button" onClick={() => move(1)}>
            Next question
          </button>
        )}
      </div>
      <KeyHints enter="next question" flag />
      <details class="mock__navigator">
        <summary>All questions</summary>
        <Navigator attempt={attempt} progressOf={progressOf} current={index} onPick={setIndex} />
        <button type="button" class="button button--quiet" onClick={() => setReviewing(true)}>
          Review and submit
        </button>
      </details>
      <p class="mock__focus-mode">
        <button
          type="button"
          class="button button--quiet"
          aria-pressed={focusMode}
          aria-describedby={`${idPrefix}-focus`}
          onClick={() => examFocus.set(!focusMode)}
        >
          Focus mode
        </button>
        <span id={`${idPrefix}-focus`} class="quiz__meta">
          Hides the course header and menu while you take the exam, as the real exam does.
        </span>
      </p>
    </section>
  );
}

const CELL_CLASS: Record<AnswerProgress, string> = {
  answered: 'mock__cell--done',
  'partly answered': 'mock__cell--partial',
  'not answered': '',
};

function Navigator({
  attempt,
  progressOf,
  current,
  onPick,
}: {
  attempt: Attempt;
  progressOf: (qid: string) => AnswerProgress;
  current: number;
  onPick: (index: number) => void;
}) {
  return (
    <>
      <ol class="mock__grid">
        {attempt.questionIds.map((qid, index) => {
          const progress = progressOf(qid);
          const flagged = attempt.flagged.includes(qid);
          return (
            <li>
              <button
                type="button"
                class={['mock__cell', CELL_CLASS[progress], flagged ? 'mock__cell--flagged' : ''].join(' ').trim()}
                aria-current={index === current ? 'step' : undefined}
                aria-label={`Question ${index + 1}, ${progress}${flagged ? ', flagged' : ''}`}
                onClick={() => onPick(index)}
              >
                {index + 1}
                {flagged && <span aria-hidden="true">⚑</span>}
              </button>
            </li>
          );
        })}
      </ol>
      <ul class="mock__legend" aria-label="What the marks mean">
        {[
          ['mock__cell--done', 'answered'],
          ['mock__cell--partial', 'partly answered'],
          ['mock__cell--flagged', 'flagged'],
          ...(current >= 0 ? [['mock__cell--current', 'current question']] : []),
          ['', 'not answered'],
        ].map(([mark, meaning]) => (
          <li>
            <span class={`mock__cell mock__swatch ${mark}`.trim()} aria-hidden="true">
              {mark === 'mock__cell--flagged' && '⚑'}
            </span>
            {meaning}
          </li>
        ))}
      </ul>
    </>
  );
}
