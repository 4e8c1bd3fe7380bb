/** Every quiz question as the quiz islands take them: case-study parts with their scenario, lessons resolved. */
import { getCollection } from 'astro:content';
import { getCourse } from './course';
import type { QuizQuestion } from '../widgets/quiz/QuestionView';

export async function quizItems(section?: string): Promise<QuizQuestion[]> {
  const [course, quizzes] = await Promise.all([getCourse(), getCollection('quizzes')]);
  const lesson = (id: string) => course.lessons.find((candidate) => candidate.id === id);
  return quizzes
    .filter((entry) => section === undefined || entry.data.section === section)
    .sort(
      (a, b) =>
        course.sections.findIndex((s) => s.id === a.data.section) -
        course.sections.findIndex((s) => s.id === b.data.section),
    )
    .flatMap((entry) =>
      entry.data.questions.flatMap((question) =>
        (question.type === 'case-study' ? question.questions : [question]).map((part) => ({
          question: part,
          ...(question.type === 'case-study' ? { scenario: question.scenario } : {}),
          lessonTitle: lesson(part.lesson)?.title ?? part.lesson,
          lessonHref: lesson(part.lesson)?.href ?? '/',
        })),
      ),
    );
}
