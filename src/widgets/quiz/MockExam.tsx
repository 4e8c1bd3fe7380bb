/**
 * The timed mock exam: 65 questions drawn by domain weight, 90 minutes, no feedback until the end, flags, a
 * navigator, a review screen before submitting, and submission when time runs out, after which the result comes
 * first. The attempt, its deadline and the question on screen are stored, so a reload or a closed tab resumes where
 * the learner was with the right time left. Focus mode hides the course around the exam.
 */
import { useStore } from '@nanostores/preact';
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { examFormat } from '../../lib/exam';
import { assembleExam, type AssembledExam } from '../../lib/quiz/exam';
import { quizItems } from '../../lib/quiz/items';
import { loadBank, type Bank } from './bank';
import { lazyModule, preloader, useLazyModule } from '../lazy';
import { MOCK_SCOPE, openAttempt, startAttempt } from '../../lib/quiz/history';
import { scoredQuestions } from '../../lib/quiz/scoring';
import { quizHistory } from '../../stores/quiz-history';
import './quiz.css';
import { plural } from '../../lib/plural';

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

  const failed = (error: Error) => setFailure(error.message);
  useEffect(() => {
    loadBank().then(setBank, failed);
  }, []);
  // The running exam and the results are only needed once an exam is under way or finished, so their code loads
  // then; the running exam's also as soon as the learner reaches for the start button.
  const Running = useLazyModule(loadRunningExam, !!attempt, failed);
  const Results = useLazyModule(loadResults, past.length > 0 || !!attempt, failed);
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
    return bank && Running ? (
      <Running.default attempt={attempt} items={items} idPrefix={id} onSubmitted={setSubmitted} />
    ) : (
      <p class="quiz">Loading your exam…</p>
    );

  const shown = past.find((a) => a.id === (showing ?? submitted)) ?? past.at(-1);
  // The clock starts only once the exam can be shown: if its code cannot load, no attempt is made.
  const start = async () => {
    if (!bank) return;
    try {
      await loadRunningExam();
    } catch (error) {
      return failed(error as Error);
    }
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
      <button
        type="button"
        class="button"
        onClick={() => void start()}
        onPointerEnter={preloadRunning}
        onFocus={preloadRunning}
        disabled={!bank}
      >
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

const loadRunningExam = lazyModule(() => import('./RunningExam'));
const preloadRunning = preloader(loadRunningExam);
const loadResults = lazyModule(() => import('./MockResults'));
