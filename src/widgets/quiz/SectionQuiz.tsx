/**
 * A section quiz: one question at a time with feedback and explanations as soon as it is checked, then the
 * results with the lessons to revisit. Keyboard first: number keys pick options, Enter checks and moves on,
 * the left and right arrows move between questions. The attempt lives in the quiz history store, so a reload
 * resumes it.
 */
import { useStore } from '@nanostores/preact';
import { useId, useState } from 'preact/hooks';
import { openAttempt, startAttempt } from '../../lib/quiz/history';
import type { QuizQuestion } from '../../lib/quiz/items';
import { quizHistory } from '../../stores/quiz-history';
import { lazyModule, preloader, useLazyModule } from '../lazy';
import './quiz.css';

interface Props {
  /** The section id, or "review"; one open attempt is kept per scope. */
  scope: string;
  items: QuizQuestion[];
  /** The question ids to ask when an attempt starts; all items by default. */
  pick?: () => string[];
  /** What the start screen says, above the last attempt's results if there is one; by default, only before the first. */
  intro?: string;
}

export default function SectionQuiz({ scope, items, pick, intro }: Props) {
  const id = useId();
  const history = useStore(quizHistory);
  const attempt = openAttempt(history, scope);
  const last = history.attempts.filter((a) => a.scope === scope && a.finishedAt).at(-1);
  const [failure, setFailure] = useState('');
  const failed = (error: Error) => setFailure(error.message);
  // The running quiz and the results load when needed; the running quiz's also as soon as the learner reaches for
  // the start button, so starting feels instant.
  const Running = useLazyModule(loadRunningQuiz, !!attempt, failed);
  const Results = useLazyModule(loadQuizResults, !!attempt || !!last?.result, failed);

  // An attempt is made only once it can be shown: if the quiz's code cannot load, nothing is recorded.
  const start = async () => {
    try {
      await loadRunningQuiz();
    } catch (error) {
      return failed(error as Error);
    }
    quizHistory.set(
      startAttempt(quizHistory.get(), {
        kind: 'section',
        scope,
        seed: Math.floor(Math.random() * 2 ** 31),
        questionIds: pick ? pick() : items.map((item) => item.question.id),
        now: new Date(),
      }),
    );
  };

  if (failure) return <p class="quiz">{failure} Reload the page to try again.</p>;
  if (!attempt) {
    return (
      <section class="quiz" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{last ? 'Your last attempt' : 'Ready when you are'}</h2>
        {intro && <p>{intro}</p>}
        {last?.result ? (
          Results ? (
            <Results.default attempt={last} items={items} />
          ) : (
            <p>Loading your results…</p>
          )
        ) : (
          !intro && (
            <p>
              {items.length} questions of the exam's types. Each is checked as soon as you answer, with an explanation
              for every option. Use the number keys to pick, Enter to check and move on.
            </p>
          )
        )}
        <button
          type="button"
          class="button"
          onClick={() => void start()}
          onPointerEnter={preloadRunning}
          onFocus={preloadRunning}
        >
          {last ? 'Try the quiz again' : 'Start the quiz'}
        </button>
      </section>
    );
  }
  return Running ? (
    <Running.default attempt={attempt} items={items} idPrefix={id} />
  ) : (
    <p class="quiz">Loading your quiz…</p>
  );
}

const loadRunningQuiz = lazyModule(() => import('./RunningQuiz'));
const preloadRunning = preloader(loadRunningQuiz);
const loadQuizResults = lazyModule(() => import('./QuizResults'));
