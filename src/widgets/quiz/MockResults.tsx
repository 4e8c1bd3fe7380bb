/** A finished mock exam: the score, an estimate with its caveat, domain and task breakdown, and the full review. */
import type { Attempt } from '../../lib/quiz/history';
import type { QuizQuestion } from '../../lib/quiz/items';
import { examDomains, examFormat } from '../../lib/exam';
import { results } from '../../lib/quiz/results';
import { AttemptReview } from './AttemptReview';
import { RevisitList } from './RevisitList';

export default function MockResults({ attempt, items }: { attempt: Attempt; items: Map<string, QuizQuestion> }) {
  const asked = attempt.questionIds.map((qid) => items.get(qid)).filter((i): i is QuizQuestion => !!i);
  const outcome = results(
    asked.map((i) => i.question),
    attempt.answers,
  );
  return (
    <div class="quiz-results">
      <p class="quiz-results__score">
        {outcome.correct} of {outcome.total} right ({outcome.percent}%) · estimated score {outcome.scaledEstimate} ·{' '}
        {outcome.passed ? 'above' : 'below'} the pass mark of {examFormat.passingScore}
      </p>
      <p class="small">
        The score is only an estimate: it maps your share of right answers onto 100–1,000 in a straight line. AWS scales
        real scores per exam form and does not publish how, and 15 of the real exam's 65 questions are not scored.
      </p>
      <h3>By domain</h3>
      <ul class="domains">
        {examDomains.map((domain) => {
          const tally = outcome.byDomain[domain.id];
          const share = tally ? tally.correct / tally.total : 0;
          return (
            <li>
              <span class="domains__name">
                Domain {domain.id}: {domain.title}
              </span>
              <span class="domains__weight">{tally ? `${tally.correct}/${tally.total}` : 'none asked'}</span>
              <span class="domains__bar" style={`--weight: ${share * 30}`} aria-hidden="true" />
            </li>
          );
        })}
      </ul>
      <RevisitList outcome={outcome} items={asked} below={0.7} title={<h3>Task statements to revisit</h3>} />
      <AttemptReview attempt={attempt} items={asked} />
    </div>
  );
}

export { AttemptsChart } from './AttemptsChart';
export { mockScores } from '../../lib/dashboard/readiness';
