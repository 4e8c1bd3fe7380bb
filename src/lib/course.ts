/**
 * The course's structure: sections in order, their lessons in order, and the links between them.
 * Pure: built from plain content data, so it can be unit tested and reused by any page.
 */

export interface SectionInput {
  id: string;
  order: number;
  title: string;
  summary: string;
  domains: number[];
}

export interface LessonInput {
  /** Collection id: `<section folder>/<file name>`. */
  id: string;
  /** Path of the source file, for error messages. */
  filePath: string;
  title: string;
  description: string;
  section: string;
  order: number;
  minutes: number;
  keyTerms: string[];
  taskStatements: string[];
}

export interface CheatSheetInput {
  /** Section id (the folder it sits in). */
  id: string;
  filePath: string;
  section: string;
}

export interface GlossaryInput {
  id: string;
  filePath: string;
}

export interface QuizInput {
  filePath: string;
  section: string;
  /** Every question, case-study parts included, with the lesson it links to. */
  questions: { id: string; lesson: string }[];
}

export interface LessonSummary {
  id: string;
  title: string;
  description: string;
  minutes: number;
  href: string;
  sectionId: string;
  keyTerms: string[];
  /** Exam guide task statements the lesson covers. */
  taskStatements: string[];
}

export interface CourseSection extends SectionInput {
  /** Address of the section's overview page. */
  href: string;
  lessons: LessonSummary[];
  /** Address of the section's printable cheat sheet, once it has one. */
  cheatSheetHref?: string;
  /** Address of the section's quiz, once it has one. */
  quizHref?: string;
}

export interface Course {
  /** Every section in order, including those without lessons yet. */
  sections: CourseSection[];
  /** Every lesson in reading order. */
  lessons: LessonSummary[];
}

/** A content problem found at build time, listing every file and field at fault. */
export class ContentError extends Error {
  constructor(readonly problems: string[]) {
    super(`The course content has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ContentError';
  }
}

export function lessonHref(lessonId: string) {
  return `/learn/${lessonId}/`;
}

export function sectionHref(sectionId: string) {
  return `/learn/${sectionId}/`;
}

export function cheatSheetHref(sectionId: string) {
  return `/cheat-sheets/${sectionId}/`;
}

export function quizHref(sectionId: string) {
  return `/quiz/${sectionId}/`;
}

export interface CourseInput {
  sections: SectionInput[];
  lessons: LessonInput[];
  glossary: GlossaryInput[];
  cheatSheets?: CheatSheetInput[];
  quizzes?: QuizInput[];
}

/** Orders sections and lessons and checks the references between them; throws a ContentError naming every fault. */
export function buildCourse({ sections, lessons, glossary, cheatSheets = [], quizzes = [] }: CourseInput): Course {
  const problems: string[] = [];
  const sectionIds = new Set(sections.map((s) => s.id));
  const glossaryIds = new Set(glossary.map((entry) => entry.id));
  const taughtTerms = new Set(lessons.flatMap((lesson) => lesson.keyTerms));

  for (const [index, section] of sections.entries()) {
    const earlier = sections.slice(0, index).find((other) => other.order === section.order);
    if (earlier)
      problems.push(
        `content/sections.yaml: order: sections "${earlier.id}" and "${section.id}" both use order ${section.order}`,
      );
  }

  for (const lesson of lessons) {
    const folder = lesson.id.split('/')[0];
    if (!sectionIds.has(lesson.section)) {
      problems.push(`${lesson.filePath}: section: "${lesson.section}" is not a section id in content/sections.yaml`);
    } else if (folder !== lesson.section) {
      problems.push(`${lesson.filePath}: section: "${lesson.section}" does not match the lesson's folder "${folder}"`);
    }
    for (const term of lesson.keyTerms) {
      if (!glossaryIds.has(term))
        problems.push(`${lesson.filePath}: keyTerms: "${term}" is not an id in any file of content/glossary/`);
    }
    // Each file names one that sorts after it, so every file of a clash is named (the last one by the others).
    const twin = lessons.find(
      (other) => other.section === lesson.section && other.order === lesson.order && other.filePath > lesson.filePath,
    );
    if (twin) problems.push(`${lesson.filePath}: order: ${lesson.order} is also used by ${twin.filePath}`);
  }

  for (const entry of glossary) {
    if (!taughtTerms.has(entry.id)) {
      problems.push(`${entry.filePath}: id: "${entry.id}" is not in any lesson's keyTerms, so no lesson teaches it`);
    }
  }

  for (const sheet of cheatSheets) {
    if (sheet.section !== sheet.id) {
      problems.push(`${sheet.filePath}: section: "${sheet.section}" does not match its folder "${sheet.id}"`);
    } else if (!sectionIds.has(sheet.section)) {
      problems.push(`${sheet.filePath}: section: "${sheet.section}" is not a section id in content/sections.yaml`);
    }
  }

  const lessonIds = new Set(lessons.map((l) => l.id));
  const questionFiles = new Map<string, string>();
  for (const quiz of quizzes) {
    if (!sectionIds.has(quiz.section))
      problems.push(`${quiz.filePath}: section: "${quiz.section}" is not a section id in content/sections.yaml`);
    for (const question of quiz.questions) {
      const earlier = questionFiles.get(question.id);
      if (earlier) problems.push(`${quiz.filePath}: question "${question.id}": id: already used in ${earlier}`);
      questionFiles.set(question.id, quiz.filePath);
      if (!lessonIds.has(question.lesson)) {
        problems.push(`${quiz.filePath}: question "${question.id}": lesson: "${question.lesson}" is not a lesson id`);
      }
    }
  }

  if (problems.length > 0) throw new ContentError(problems);

  const courseSections = [...sections]
    .sort((a, b) => a.order - b.order)
    .map((section) => ({
      ...section,
      href: sectionHref(section.id),
      ...(cheatSheets.some((sheet) => sheet.id === section.id) ? { cheatSheetHref: cheatSheetHref(section.id) } : {}),
      ...(quizzes.some((quiz) => quiz.section === section.id) ? { quizHref: quizHref(section.id) } : {}),
      lessons: lessons
        .filter((lesson) => lesson.section === section.id)
        .sort((a, b) => a.order - b.order)
        .map((lesson) => ({
          id: lesson.id,
          title: lesson.title,
          description: lesson.description,
          minutes: lesson.minutes,
          href: lessonHref(lesson.id),
          sectionId: section.id,
          keyTerms: lesson.keyTerms,
          taskStatements: lesson.taskStatements,
        })),
    }));
  return { sections: courseSections, lessons: courseSections.flatMap((section) => section.lessons) };
}

/** The lessons before and after one lesson in reading order. */
export function neighbours(course: Course, lessonId: string) {
  const index = course.lessons.findIndex((lesson) => lesson.id === lessonId);
  return {
    // For the first lesson and an unknown one (index -1) this reads before the start of the list: undefined.
    previous: course.lessons[index - 1],
    next: index >= 0 ? course.lessons[index + 1] : undefined,
  };
}

/** The first lesson, in reading order, that lists each glossary term among its key terms. */
export function whereTaught(course: Course) {
  const taught = new Map<string, LessonSummary>();
  for (const lesson of course.lessons) {
    for (const term of lesson.keyTerms) if (!taught.has(term)) taught.set(term, lesson);
  }
  return taught;
}

/** The lessons, in reading order, that cover each task statement. */
export function lessonsByTaskStatement(course: Course) {
  const byTask = new Map<string, LessonSummary[]>();
  for (const lesson of course.lessons) {
    for (const task of lesson.taskStatements) byTask.set(task, [...(byTask.get(task) ?? []), lesson]);
  }
  return byTask;
}
