/**
 * A section quiz: one question at a time with feedback and explanations as soon as it is checked, then the
 * results with the lessons to revisit. Keyboard first: number keys pick options, Enter checks and moves on,
 * the left and right arrows move between questions. The attempt lives in the quiz history store, so a reload
 * resumes it.
 */
import { useStore } from '@nanostores/preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { finished, openAttempt, startAttempt, withAnswer, withChecked, type Attempt } from '../../lib/quiz/history';
import { presentedOrder } from '../../lib/quiz/presentation';
import { isComplete, isCorrect, type Answer } from '../../lib/quiz/scoring';
import { results } from '../../lib/quiz/results';
import { verdictText } from '../../lib/quiz/answer-text';
import { answerForNumberKey, quizKeyAction } from '../../lib/quiz/keyboard';
import { focusNeighbourChoice, keyPress } from './key-press';
import { KeyHints } from './KeyHints';
import { changeAttempt, quizHistory } from '../../stores/quiz-history';
import { recordReviews, reviewCards } from '../../stores/review-cards';
import { comesBackIn } from '../../lib/quiz/review-cards';
import type { QuizQuestion } from '../../lib/quiz/items';
import { QuestionView } from './QuestionView';
import { AttemptReview } from './AttemptReview';
import { RevisitList } from './RevisitList';
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

  const start = () => {
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

  if (!attempt) {
    return (
      <section class="quiz" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{last ? 'Your last attempt' : 'Ready when you are'}</h2>
        {intro && <p>{intro}</p>}
        {last?.result ? (
          <Results attempt={last} items={items} />
        ) : (
          !intro && (
            <p>
              {items.length} questions of the exam's types. Each is checked as soon as you answer, with an explanation
              for every option. Use the number keys to pick, Enter to check and move on.
            </p>
          )
        )}
        <button type="button" class="button" onClick={start}>
          {last ? 'Try the quiz again' : 'Start the quiz'}
        </button>
      </section>
    );
  }
  return <Running attempt={attempt} items={items} idPrefix={id} />;
}

function Running({ attempt, items, idPrefix }: { attempt: Attempt; items: QuizQuestion[]; idPrefix: string }) {
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

function Results({ attempt, items }: { attempt: Attempt; items: QuizQuestion[] }) {
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
