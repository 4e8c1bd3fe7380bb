/** The score of a finished section quiz, what to look at again, and every question with its explanations. */
import type { Attempt } from '../../lib/quiz/history';
import type { QuizQuestion } from '../../lib/quiz/items';
import { results } from '../../lib/quiz/results';
import { AttemptReview } from './AttemptReview';
import { RevisitList } from './RevisitList';

export default function QuizResults({ attempt, items }: { attempt: Attempt; items: QuizQuestion[] }) {
  const scored = attempt.questionIds
    .map((qid) => items.find((i) => i.question.id === qid))
    .filter((i) => i !== undefined);
  const outcome = results(
    scored.map((i) => i.question),
    attempt.answers,
  );
  return (
    <div class="quiz-results">
      <p class="quiz-results__score">
        {outcome.correct} of {outcome.total} right ({outcome.percent}%)
      </p>
      {outcome.correct === outcome.total ? (
        <p>Every question right. Well done.</p>
      ) : (
        <RevisitList outcome={outcome} items={scored} below={1} title={<p>Worth another look:</p>} />
      )}
      <AttemptReview attempt={attempt} items={scored} />
    </div>
  );
}
