/**
 * The home page's study dashboard: reviews due, how ready the learner is per exam domain and task statement, what
 * to study next and mock exam scores over time, all read from the answers saved in this browser.
 */
import { useStore } from '@nanostores/preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { examFormat } from '../../lib/exam';
import type { Estimate } from '../../lib/dashboard/estimate';
import {
  latestOutcomes,
  mockScores,
  readiness,
  reviewOutlook,
  studyNext,
  type DomainReadiness,
} from '../../lib/dashboard/readiness';
import type { Attempt } from '../../lib/quiz/history';
import { quizItems } from '../../lib/quiz/items';
import { comesBackIn } from '../../lib/quiz/review-cards';
import { quizHistory } from '../../stores/quiz-history';
import { reviewCards } from '../../stores/review-cards';
import { AttemptsChart } from '../quiz/AttemptsChart';
import { loadBank, type Bank } from '../quiz/bank';
import { EmptyDashboard } from './EmptyDashboard';
import './dashboard.css';
import { plural } from '../../lib/plural';

const percent = (share: number) => `${Math.round(share * 100)}%`;

export default function StudyDashboard() {
  const history = useStore(quizHistory);
  const cards = useStore(reviewCards);
  const [bank, setBank] = useState<Bank | undefined>();
  const [failure, setFailure] = useState('');
  const answered = history.attempts.length > 0;
  useEffect(() => {
    if (answered) loadBank().then(setBank, (error: Error) => setFailure(error.message));
  }, [answered]);

  if (!answered && Object.keys(cards.cards).length === 0) return <EmptyDashboard />;
  return (
    <div class="dashboard">
      <Reviews outlook={reviewOutlook(cards, new Date())} />
      {failure ? (
        <p role="alert">
          {failure} Your readiness cannot be worked out without it; your answers are safe. Reload the page when you are
          back online.
        </p>
      ) : (
        answered && (bank ? <Readiness bank={bank} attempts={history.attempts} /> : <p>Reading your answers…</p>)
      )}
    </div>
  );
}

function Reviews({ outlook }: { outlook: ReturnType<typeof reviewOutlook> }) {
  const today = outlook.dueNow + outlook.laterToday;
  return (
    <section class="dashboard__block" aria-labelledby="dashboard-reviews">
      <h3 id="dashboard-reviews">Mistake review</h3>
      {today > 0 ? (
        <p>
          <a href="/review/">{plural(today, 'question')} due for review today</a>
          {outlook.laterToday > 0 && `: ${outlook.dueNow} now, ${outlook.laterToday} later today`}.
        </p>
      ) : (
        <p>
          {outlook.next
            ? `Nothing due today. The next question comes back ${comesBackIn(outlook.next, new Date())}.`
            : 'Nothing to review: questions you answer wrongly come back here on a schedule.'}
        </p>
      )}
    </section>
  );
}

function Readiness({ bank, attempts }: { bank: Bank; attempts: Attempt[] }) {
  // The bank is fixed once loaded: index it once, not on every change of the answers.
  const questions = useMemo(
    () => new Map(quizItems(bank.questions, bank.lessons).map((item) => [item.question.id, item.question])),
    [bank],
  );
  const outcomes = latestOutcomes(attempts, questions);
  const domains = readiness(outcomes);
  const next = studyNext(domains);
  const mocks = mockScores(attempts);
  const latest = mocks.at(-1);
  const untried = domains.filter((domain) => !domain.estimate);
  return (
    <>
      <section class="dashboard__block" aria-labelledby="dashboard-next">
        <h3 id="dashboard-next">Study next</h3>
        {next.length > 0 ? (
          <ol class="dashboard__next">
            {next.map(({ task, lesson }) => (
              <li>
                <span>
                  Task {task.id}: {task.title} ({task.estimate && `${task.estimate.correct} of ${task.estimate.total}`}{' '}
                  right).
                </span>{' '}
                <a href={bank.lessons[lesson]?.href ?? '/'}>{bank.lessons[lesson]?.title ?? lesson}</a>
              </li>
            ))}
          </ol>
        ) : (
          <p>
            {outcomes.length === 0
              ? 'Check an answer in a section quiz or finish a mock exam to see where you stand.'
              : 'Every task statement you have practised is at 80% right or better.'}
          </p>
        )}
        {untried.length > 0 && outcomes.length > 0 && (
          <p class="small">
            Not practised yet: {untried.map((domain) => `Domain ${domain.domain.id}`).join(', ')}. The{' '}
            <a href="/mock-exam/">mock exam</a> draws from every domain.
          </p>
        )}
      </section>
      {outcomes.length > 0 && <DomainList domains={domains} answered={outcomes.length} />}
      {latest && (
        <section class="dashboard__block" aria-labelledby="dashboard-mocks">
          <h3 id="dashboard-mocks">Mock exams</h3>
          <p>
            Latest: {latest.correct} of {latest.total} right, an estimated {latest.scaled},{' '}
            {latest.passed ? 'above' : 'below'} the pass mark of {examFormat.passingScore}.{' '}
            <a href="/mock-exam/">Take a mock exam</a>
          </p>
          {mocks.length > 1 && <AttemptsChart scores={mocks} />}
        </section>
      )}
    </>
  );
}

function DomainList({ domains, answered }: { domains: DomainReadiness[]; answered: number }) {
  return (
    <section class="dashboard__block" aria-labelledby="dashboard-readiness">
      <h3 id="dashboard-readiness">How ready you are</h3>
      <p class="small">
        From your latest answer to each of the {plural(answered, 'question')} you have answered. The shaded band is
        where your share of right answers on questions like these likely lies (a 95% interval); it narrows as you answer
        more.
      </p>
      <ul class="dashboard__domains">
        {domains.map(({ domain, estimate, tasks }) => (
          <li>
            <details>
              <summary>
                <span class="dashboard__domain">
                  Domain {domain.id}: {domain.title} <span class="small">({domain.weight}% of the exam)</span>
                </span>{' '}
                <ShareBar estimate={estimate} />
              </summary>
              <ul class="dashboard__tasks">
                {tasks.map((task) => (
                  <li>
                    <span>
                      {task.id} {task.title}
                    </span>{' '}
                    <ShareBar estimate={task.estimate} />
                  </li>
                ))}
              </ul>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ShareBar({ estimate }: { estimate: Estimate | null }) {
  if (!estimate) return <span class="dashboard__share">No questions answered yet</span>;
  const { share, low, high, total } = estimate;
  return (
    <span class="dashboard__share">
      <span class="dashboard__bar" aria-hidden="true" style={`--share: ${share}; --low: ${low}; --high: ${high}`} />
      {percent(share)} right, likely {Math.round(low * 100)}–{percent(high)}, from {plural(total, 'question')}
    </span>
  );
}
