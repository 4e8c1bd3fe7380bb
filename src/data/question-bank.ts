/** The whole question bank, in section order, and the lessons it links to. */
import { getCollection } from 'astro:content';
import { getCourse } from './course';
import { lessonIndex } from '../lib/quiz/items';

export async function questionBank() {
  const [course, quizzes] = await Promise.all([getCourse(), getCollection('quizzes')]);
  const order = (id: string) => course.sections.findIndex((section) => section.id === id);
  const questions = quizzes
    .sort((a, b) => order(a.data.section) - order(b.data.section))
    .flatMap((entry) => entry.data.questions);
  return { questions, lessons: lessonIndex(course.lessons) };
}
