/** Loads the content collections once per build and checks the references between them. */
import { getCollection } from 'astro:content';
import { buildCourse, type Course } from '../lib/course';
import type { StandaloneQuestion } from '../schemas/quiz';

let loaded: Promise<Course> | undefined;

async function load(): Promise<Course> {
  const [sections, lessons, glossary, quizzes] = await Promise.all([
    getCollection('sections'),
    getCollection('lessons'),
    getCollection('glossary'),
    getCollection('quizzes'),
  ]);
  return buildCourse(
    sections.map((entry) => ({ id: entry.id, ...entry.data })),
    lessons.map((entry) => ({ id: entry.id, filePath: entry.filePath ?? entry.id, ...entry.data })),
    glossary.map((entry) => entry.id),
    quizzes.map((entry) => ({
      filePath: entry.filePath ?? entry.id,
      section: entry.data.section,
      questions: entry.data.questions.flatMap((question): StandaloneQuestion[] =>
        question.type === 'case-study' ? question.questions : [question],
      ),
    })),
  );
}

export function getCourse() {
  loaded ??= load();
  return loaded;
}
