/** Loads the content collections once per build and checks the references between them. */
import { getCollection } from 'astro:content';
import { buildCourse, type Course } from '../lib/course';
import type { StandaloneQuestion } from '../schemas/quiz';

let loaded: Promise<Course> | undefined;

async function load(): Promise<Course> {
  const [sections, lessons, glossary, cheatSheets, quizzes] = await Promise.all([
    getCollection('sections'),
    getCollection('lessons'),
    getCollection('glossary'),
    getCollection('cheatSheets'),
    getCollection('quizzes'),
  ]);
  const filePath = (entry: { id: string; filePath?: string | undefined }) => entry.filePath ?? entry.id;
  return buildCourse({
    sections: sections.map((entry) => ({ id: entry.id, ...entry.data })),
    lessons: lessons.map((entry) => ({ id: entry.id, filePath: filePath(entry), ...entry.data })),
    glossary: glossary.map((entry) => ({ id: entry.id, filePath: filePath(entry) })),
    cheatSheets: cheatSheets.map((entry) => ({ id: entry.id, filePath: filePath(entry), section: entry.data.section })),
    quizzes: quizzes.map((entry) => ({
      filePath: filePath(entry),
      section: entry.data.section,
      questions: entry.data.questions.flatMap((question): StandaloneQuestion[] =>
        question.type === 'case-study' ? question.questions : [question],
      ),
    })),
  });
}

export function getCourse() {
  loaded ??= load();
  return loaded;
}
