/** Every question of a finished attempt as the learner saw it, with their answer, the right one and all explanations. */
import type { Attempt } from '../../lib/quiz/history';
import { answerText, rightAnswerText, sentence } from '../../lib/quiz/answer-text';
import { presentedOrder } from '../../lib/quiz/presentation';
import { isCorrect } from '../../lib/quiz/scoring';
import type { QuizQuestion } from '../../lib/quiz/items';
import { QuestionView } from './QuestionView';

export function AttemptReview({ attempt, items }: { attempt: Attempt; items: QuizQuestion[] }) {
  return (
    <details class="quiz-review">
      <summary>Review every question with explanations</summary>
      <ol>
        {items.map((item, index) => {
          const given = attempt.answers[item.question.id];
          const right = isCorrect(item.question, given);
          return (
            <li class={right ? 'quiz-choice--right' : 'quiz-choice--wrong'}>
              <QuestionView
                item={item}
                order={presentedOrder(item.question, attempt.seed)}
                answer={given}
                checked
                onAnswer={() => undefined}
                idPrefix={`review-${attempt.seed}-${index}`}
              />
              <p>
                <strong>{right ? 'Right.' : 'Wrong.'}</strong> Your answer: {sentence(answerText(item.question, given))}
                {!right && ` Right answer: ${sentence(rightAnswerText(item.question))}`}
              </p>
            </li>
          );
        })}
      </ol>
    </details>
  );
}
