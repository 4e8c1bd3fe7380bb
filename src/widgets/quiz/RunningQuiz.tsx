/**
 * A section quiz or mistake review under way: one question at a time, checked as soon as the learner asks, with an
 * explanation for every option and when the question comes back. Loaded once a quiz is started or resumed.
 */
import { useStore } from '@nanostores/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { verdictText } from '../../lib/quiz/answer-text';
import { finished, openAttempt, withAnswer, withChecked, type Attempt } from '../../lib/quiz/history';
import type { QuizQuestion } from '../../lib/quiz/items';
import { answerForNumberKey, quizKeyAction } from '../../lib/quiz/keyboard';
import { presentedOrder } from '../../lib/quiz/presentation';
import { results } from '../../lib/quiz/results';
import { comesBackIn } from '../../lib/quiz/review-cards';
import { isComplete, isCorrect, type Answer } from '../../lib/quiz/scoring';
import { changeAttempt, quizHistory } from '../../stores/quiz-history';
import { recordReviews, reviewCards } from '../../stores/review-cards';
import { focusNeighbourChoice, keyPress } from './key-press';
import { KeyHints } from './KeyHints';
import { QuestionView } from './QuestionView';

export default function RunningQuiz({
  attempt,
  items,
  idPrefix,
}: {
  attempt: Attempt;
  items: QuizQuestion[];
  idPrefix: string;
}) {
  const firstOpen = attempt.questionIds.findIndex((qid) => !attempt.checked.includes(qid));
  const [index, setIndex] = useState(firstOpen === -1 ? attempt.questionIds.length - 1 : firstOpen);
  const heading = useRef<HTMLHeadingElement>(null);
  const item = items.find((candidate) => candidate.question.id === attempt.questionIds[index]);
  const cards = useStore(reviewCards);
  const allChecked = attempt.questionIds.every((qid) => attempt.checked.includes(qid));

  useEffect(() => heading.current?.focus(), [index]);
  if (!item) return null;

  const question = item.question;
  const answer =
    attempt.answers[question.id] ?? (question.type === 'ordering' ? presentedOrder(question, attempt.seed) : undefined);
  const checked = attempt.checked.includes(question.id);
  const complete = isComplete(question, answer);
  const order = presentedOrder(question, attempt.seed);

  // Key presses can come faster than renders: handlers read the stored answer, not this render's copy.
  const latest = () => openAttempt(quizHistory.get(), attempt.scope);
  const latestAnswer = () => latest()?.answers[question.id] ?? answer;
  const isChecked = () => latest()?.checked.includes(question.id) ?? checked;
  const setAnswer = (change: (previous: Answer | undefined) => Answer) =>
    changeAttempt(attempt.id, (a) => withAnswer(question.id, change(a.answers[question.id] ?? answer))(a));
  const check = () => {
    const given = latestAnswer();
    if (isChecked() || given === undefined || !isComplete(question, given)) return;
    changeAttempt(attempt.id, (a) => withChecked(question.id)(withAnswer(question.id, given)(a)));
    // Every checked answer feeds the mistake-review schedule.
    void recordReviews([{ questionId: question.id, correct: isCorrect(question, given) }]);
  };
  const move = (by: number) => setIndex((at) => Math.max(0, Math.min(attempt.questionIds.length - 1, at + by)));
  const finish = () => {
    const now = latest();
    if (!now || !now.questionIds.every((qid) => now.checked.includes(qid))) return;
    const scored = now.questionIds
      .map((qid) => items.find((i) => i.question.id === qid)?.question)
      .filter((q) => q !== undefined);
    const outcome = results(scored, now.answers);
    changeAttempt(now.id, finished({ correct: outcome.correct, total: outcome.total }, new Date()));
  };
  const next = () => {
    if (index < attempt.questionIds.length - 1) move(1);
    else finish();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const action = quizKeyAction(keyPress(event));
    if (action === 'option') {
      const picked = isChecked() ? undefined : answerForNumberKey(question, order, latestAnswer(), event.key);
      if (picked === undefined) return;
      setAnswer(() => picked);
    } else if (action === 'enter') {
      if (isChecked()) next();
      else check();
    } else if (action === 'next' || action === 'previous') {
      move(action === 'next' ? 1 : -1);
    } else if (action === 'next-choice' || action === 'previous-choice') {
      focusNeighbourChoice(event, action === 'next-choice' ? 1 : -1);
    } else return;
    event.preventDefault();
  };

  const right = checked && isCorrect(question, attempt.answers[question.id]);
  // Once this check has reached the schedule (its card reviewed since the attempt began), say when the question returns.
  const card = cards.cards[question.id];
  const reviewed = checked && card?.last_review !== undefined && card.last_review >= attempt.startedAt;
  const comesBack = reviewed ? comesBackIn(new Date(card.due), new Date(card.last_review ?? card.due)) : undefined;
  return (
    // The keyboard shortcuts belong to the whole quiz; its controls stay reachable with Tab as usual.
    <section class="quiz" aria-labelledby={`${idPrefix}-q`} onKeyDown={onKeyDown}>
      <div class="quiz__top">
        <h2 id={`${idPrefix}-q`} tabIndex={-1} ref={heading}>
          Question {index + 1} of {attempt.questionIds.length}
        </h2>
        <p class="quiz__meta">
          Domain {question.domain} · Task {question.taskStatement} · {attempt.checked.length} checked
        </p>
      </div>
      <QuestionView
        key={question.id}
        item={item}
        order={order}
        answer={answer}
        checked={checked}
        onAnswer={setAnswer}
        idPrefix={`${idPrefix}-${index}`}
      />
      <div class="quiz__feedback" role="status">
        {checked && (
          <>
            <p class={right ? 'quiz__verdict quiz__verdict--right' : 'quiz__verdict quiz__verdict--wrong'}>
              {verdictText(question, right)}
            </p>
            {comesBack && <p class="quiz__lesson">This question comes back in mistake review {comesBack}.</p>}
            <p class="quiz__lesson">
              Learn it in <a href={item.lessonHref}>{item.lessonTitle}</a>.
            </p>
          </>
        )}
      </div>
      <div class="quiz__actions">
        <button type="button" class="button button--quiet" onClick={() => move(-1)} disabled={index === 0}>
          Previous
        </button>
        {checked ? (
          <button
            type="button"
            class="button"
            onClick={next}
            disabled={index === attempt.questionIds.length - 1 && !allChecked}
          >
            {index === attempt.questionIds.length - 1 ? 'See your results' : 'Next question'}
          </button>
        ) : (
          <button type="button" class="button" onClick={check} disabled={!complete}>
            Check answer
          </button>
        )}
      </div>
      <KeyHints enter="checks, then goes to the next question" />
    </section>
  );
}
