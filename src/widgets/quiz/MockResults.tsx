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

/** Scores of past mock exams over time, as a small line chart with its numbers in a table. */
export function AttemptsChart({ attempts }: { attempts: Attempt[] }) {
  const points = attempts.map((a) => ({
    when: new Date(a.finishedAt ?? a.startedAt),
    percent: a.result && a.result.total > 0 ? Math.round((a.result.correct / a.result.total) * 100) : 0,
  }));
  const width = 320;
  const height = 120;
  const x = (i: number) => (points.length === 1 ? width / 2 : 20 + (i * (width - 40)) / (points.length - 1));
  const y = (percent: number) => height - 15 - (percent / 100) * (height - 30);
  const pass = Math.round(
    ((examFormat.passingScore - examFormat.minScore) / (examFormat.maxScore - examFormat.minScore)) * 100,
  );
  return (
    <figure class="mock__chart">
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" style="max-width: 420px" aria-hidden="true">
        <line
          x1="10"
          x2={width - 10}
          y1={y(pass)}
          y2={y(pass)}
          stroke="currentColor"
          stroke-dasharray="4 4"
          stroke-opacity="0.5"
        />
        <polyline
          fill="none"
          stroke="var(--accent)"
          stroke-width="2.5"
          points={points.map((p, i) => `${x(i)},${y(p.percent)}`).join(' ')}
        />
        {points.map((p, i) => (
          <circle cx={x(i)} cy={y(p.percent)} r="4" fill="var(--accent)" />
        ))}
      </svg>
      <figcaption>Your mock exam scores over time; the dashed line is about the pass mark ({pass}% right).</figcaption>
      <table class="visually-hidden">
        <caption>Mock exam scores</caption>
        <thead>
          <tr>
            <th scope="col">Finished</th>
            <th scope="col">Right answers</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr>
              <td>{p.when.toLocaleString('en-US')}</td>
              <td>{p.percent}%</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
