/** Task statements answered below a threshold, each with the lessons that teach it. */
import type { ComponentChildren } from 'preact';
import type { QuizQuestion } from '../../lib/quiz/items';
import type { Results } from '../../lib/quiz/results';

export function RevisitList({
  outcome,
  items,
  below,
  title,
}: {
  outcome: Results;
  items: QuizQuestion[];
  /** Share of right answers under which a task statement is listed. */
  below: number;
  /** Shown above the list when it has anything in it. */
  title: ComponentChildren;
}) {
  const weak = Object.entries(outcome.byTaskStatement)
    .filter(([, tally]) => tally.correct / tally.total < below)
    .sort(([a], [b]) => a.localeCompare(b));
  if (weak.length === 0) return null;
  const lessonOf = (lessonId: string) => items.find((item) => item.question.lesson === lessonId);
  return (
    <>
      {title}
      <ul class="quiz-revisit">
        {weak.map(([task, tally]) => (
          <li>
            Task {task}: {tally.correct} of {tally.total} right.{' '}
            {tally.lessons.map((lessonId) => {
              const found = lessonOf(lessonId);
              return found ? (
                <>
                  <a href={found.lessonHref}>{found.lessonTitle}</a>{' '}
                </>
              ) : null;
            })}
          </li>
        ))}
      </ul>
    </>
  );
}
