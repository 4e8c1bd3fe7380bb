/**
 * The timed mock exam: 65 questions drawn by domain weight, 90 minutes, no feedback until the end, flags, a
 * navigator, a review screen before submitting, and submission when time runs out, after which the result comes
 * first. The attempt, its deadline and the question on screen are stored, so a reload or a closed tab resumes where
 * the learner was with the right time left. Focus mode hides the course around the exam.
 */
import { useStore } from '@nanostores/preact';
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import type { StandaloneQuestion } from '../../schemas/quiz';
import { examFormat } from '../../lib/exam';
import { assembleExam, type AssembledExam } from '../../lib/quiz/exam';
import { quizItems } from '../../lib/quiz/items';
import { loadBank, type Bank } from './bank';
import { describeClock, formatClock, millisecondsLeft } from '../../lib/quiz/clock';
import {
  finished,
  openAttempt,
  startAttempt,
  withAnswer,
  withFlag,
  withPosition,
  type Attempt,
} from '../../lib/quiz/history';
import { answerForNumberKey, quizKeyAction } from '../../lib/quiz/keyboard';
import { focusNeighbourChoice, keyPress } from './key-press';
import { KeyHints } from './KeyHints';
import { presentedOrder } from '../../lib/quiz/presentation';
import { results } from '../../lib/quiz/results';
import { answerProgress, isCorrect, scoredQuestions, type Answer, type AnswerProgress } from '../../lib/quiz/scoring';
import { changeAttempt, quizHistory } from '../../stores/quiz-history';
import { recordReviews } from '../../stores/review-cards';
import { examFocus } from '../../stores/exam-focus';
import type { QuizQuestion } from '../../lib/quiz/items';
import { QuestionView } from './QuestionView';
import './quiz.css';
import { plural } from '../../lib/plural';

export const MOCK_SCOPE = 'mock';

interface Props {
  /** How the draw works out for this bank, worked out at build time so the start screen needs no download. */
  preview: Pick<AssembledExam, 'size' | 'domains' | 'adapted'>;
}

export default function MockExam({ preview }: Props) {
  const id = useId();
  const history = useStore(quizHistory);
  const attempt = openAttempt(history, MOCK_SCOPE);
  const past = history.attempts.filter((a) => a.scope === MOCK_SCOPE && a.finishedAt);
  const [showing, setShowing] = useState<string | undefined>();
  const [bank, setBank] = useState<Bank | undefined>();
  const [failure, setFailure] = useState('');
  // The exam just submitted on this page, by the learner or the clock: its result comes first, and takes focus.
  const [submitted, setSubmitted] = useState<string>();
  const resultHeading = useRef<HTMLHeadingElement>(null);

  // Results are only needed once an exam is under way or finished, so their code loads then.
  const [Results, setResults] = useState<typeof import('./MockResults')>();
  useEffect(() => {
    loadBank().then(setBank, (error: Error) => setFailure(error.message));
  }, []);
  const resultsWanted = past.length > 0 || !!attempt;
  useEffect(() => {
    if (resultsWanted) void import('./MockResults').then(setResults);
  }, [resultsWanted]);
  // Focus moves once the result is on screen, with the heading at the top, so the score is never below the fold.
  useEffect(() => {
    if (!submitted || !Results) return;
    resultHeading.current?.focus({ preventScroll: true });
    resultHeading.current?.scrollIntoView({ block: 'start' });
  }, [submitted, Results]);

  const items = useMemo(
    () => new Map(quizItems(bank?.questions ?? [], bank?.lessons ?? {}).map((item) => [item.question.id, item])),
    [bank],
  );
  if (failure) return <p class="quiz">{failure} Reload the page to try again.</p>;
  if (attempt)
    return bank ? (
      <Running attempt={attempt} items={items} idPrefix={id} onSubmitted={setSubmitted} />
    ) : (
      <p class="quiz">Loading your exam…</p>
    );

  const shown = past.find((a) => a.id === (showing ?? submitted)) ?? past.at(-1);
  const start = () => {
    if (!bank) return;
    setSubmitted(undefined);
    const seed = Math.floor(Math.random() * 2 ** 31);
    const exam = assembleExam(bank.questions, { seed });
    const now = new Date();
    quizHistory.set(
      startAttempt(quizHistory.get(), {
        kind: 'mock',
        scope: MOCK_SCOPE,
        seed,
        questionIds: scoredQuestions(exam.questions).map((q) => q.id),
        now,
        deadline: new Date(now.getTime() + examFormat.minutes * 60_000),
      }),
    );
  };

  const startSection = (
    <section class="quiz" aria-labelledby={`${id}-start`}>
      <h2 id={`${id}-start`}>{past.length ? 'Take another mock exam' : 'Before you start'}</h2>
      <ul>
        <li>
          {preview.size} questions drawn from the course's bank by the exam's domain weights, {examFormat.minutes}{' '}
          minutes.
        </li>
        <li>
          No feedback until you submit. Flag questions to come back to; a review screen lists them before you submit.
        </li>
        <li>When time runs out, the exam is submitted as it stands. Closing the tab does not stop the clock.</li>
        <li>Keys: 1–9 or Space choose, ↑ ↓ move between options, ← → change question, F flags, Enter goes on.</li>
        <li>Focus mode, under each question, hides the course header and menu, as in the real exam.</li>
      </ul>
      {preview.adapted && (
        <div class="quiz-question__scenario">
          <p class="quiz-question__label">How the draw is adapted</p>
          <p>
            The course teaches generative AI and Bedrock first, so some domains have fewer questions than their weight
            asks for. Those domains give all they have; the others make up the difference by weight:
          </p>
          <ul>
            {preview.domains
              .filter((domain) => domain.available < domain.target)
              .map((domain) => (
                <li>
                  Domain {domain.domain}: {plural(domain.available, 'question')} in the bank, {domain.target} wanted.
                </li>
              ))}
          </ul>
        </div>
      )}
      <button type="button" class="button" onClick={start} disabled={!bank}>
        {bank ? 'Start the mock exam' : 'Loading the questions…'}
      </button>
    </section>
  );
  const chart = Results && <Results.AttemptsChart scores={Results.mockScores(past)} />;
  const pastSection = past.length > 0 && (
    <section class="quiz" aria-labelledby={`${id}-past`}>
      <h2 id={`${id}-past`} tabIndex={-1} ref={resultHeading}>
        {submitted ? 'Your result' : 'Your mock exams'}
      </h2>
      {!submitted && chart}
      {past.length > 1 && (
        <label class="quiz__pick">
          Show the results of{' '}
          <select value={shown?.id} onChange={(event) => setShowing(event.currentTarget.value)}>
            {past.map((a) => (
              <option value={a.id}>{new Date(a.finishedAt ?? a.startedAt).toLocaleString('en-US')}</option>
            ))}
          </select>
        </label>
      )}
      {shown && bank && Results && <Results.default attempt={shown} items={items} />}
      {submitted && chart}
    </section>
  );
  return submitted ? (
    <>
      {pastSection}
      {startSection}
    </>
  ) : (
    <>
      {startSection}
      {pastSection}
    </>
  );
}

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

function Running({
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
  useEffect(() => heading.current?.focus(), [index, reviewing]);
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
      <section class="quiz" aria-labelledby={`${idPrefix}-review`}>
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
    <section class="quiz" aria-labelledby={`${idPrefix}-q`} onKeyDown={onKeyDown}>
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
