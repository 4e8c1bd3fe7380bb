/** Questions as the quiz screens take them: every scored question, with its case study's scenario and its lesson. */
import type { Question, StandaloneQuestion } from '../../schemas/quiz';

export interface QuizQuestion {
  question: StandaloneQuestion;
  /** The case study a part belongs to. */
  scenario?: string;
  lessonTitle: string;
  lessonHref: string;
}

/** Lesson titles and addresses by lesson id. */
export type LessonIndex = Record<string, { title: string; href: string }>;

export function lessonIndex(lessons: readonly { id: string; title: string; href: string }[]): LessonIndex {
  return Object.fromEntries(lessons.map((lesson) => [lesson.id, { title: lesson.title, href: lesson.href }]));
}

export function quizItems(questions: readonly Question[], lessons: LessonIndex): QuizQuestion[] {
  return questions.flatMap((question) =>
    (question.type === 'case-study' ? question.questions : [question]).map((part) => ({
      question: part,
      ...(question.type === 'case-study' ? { scenario: question.scenario } : {}),
      lessonTitle: lessons[part.lesson]?.title ?? part.lesson,
      lessonHref: lessons[part.lesson]?.href ?? '/',
    })),
  );
}
