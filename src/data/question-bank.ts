/** The question bank and the lessons it links to, loaded once per build. */
import { getCollection } from 'astro:content';
import { getCourse } from './course';
import type { LessonIndex } from '../lib/quiz/items';

export async function questionBank(section?: string) {
  const [course, quizzes] = await Promise.all([getCourse(), getCollection('quizzes')]);
  const order = (id: string) => course.sections.findIndex((s) => s.id === id);
  const questions = quizzes
    .filter((entry) => section === undefined || entry.data.section === section)
    .sort((a, b) => order(a.data.section) - order(b.data.section))
    .flatMap((entry) => entry.data.questions);
  const lessons: LessonIndex = Object.fromEntries(course.lessons.map((l) => [l.id, { title: l.title, href: l.href }]));
  return { questions, lessons };
}
