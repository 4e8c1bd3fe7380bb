/** Mistake review: the questions due today, from every quiz, asked again with feedback. */
import { useStore } from '@nanostores/preact';
import { comesBackIn, dueBy, endOfDay } from '../../lib/quiz/review-cards';
import { openAttempt } from '../../lib/quiz/history';
import { quizHistory } from '../../stores/quiz-history';
import { reviewCards } from '../../stores/review-cards';
import { useEffect, useState } from 'preact/hooks';
import { quizItems, type QuizQuestion } from '../../lib/quiz/items';
import SectionQuiz from './SectionQuiz';
import { loadBank } from './bank';
import { plural } from '../../lib/plural';

export const REVIEW_SCOPE = 'review';

export default function MistakeReview() {
  const cards = useStore(reviewCards);
  const history = useStore(quizHistory);
  const [items, setItems] = useState<QuizQuestion[] | undefined>();
  const [failure, setFailure] = useState('');
  useEffect(() => {
    loadBank().then(
      (bank) => setItems(quizItems(bank.questions, bank.lessons)),
      (error: Error) => setFailure(error.message),
    );
  }, []);
  if (failure) return <p class="quiz">{failure} Reload the page to try again.</p>;
  if (!items) return <p class="quiz">Loading your questions…</p>;
  const known = new Set(items.map((item) => item.question.id));
  const due = dueBy(cards, endOfDay(new Date())).filter((id) => known.has(id));
  const inProgress = openAttempt(history, REVIEW_SCOPE);
  if (due.length === 0 && !inProgress) {
    const dues = Object.values(cards.cards).map((card) => card.due);
    const next = dues.sort()[0];
    return (
      <p class="quiz">
        {next === undefined
          ? 'Nothing to review yet. Questions you answer wrongly in any quiz come back here, spaced out so they stick.'
          : `Nothing due today. ${dues.length} question${dues.length === 1 ? ' is' : 's are'} scheduled for later days; the next comes back ${comesBackIn(new Date(next), new Date())}.`}
      </p>
    );
  }
  return (
    <SectionQuiz
      scope={REVIEW_SCOPE}
      items={items}
      pick={() => due}
      intro={`${plural(due.length, 'question')} due today. Answer right and a question comes back later; answer wrong and it comes back soon.`}
    />
  );
}
