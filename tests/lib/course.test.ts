import { describe, expect, it } from 'vitest';
import {
  buildCourse,
  ContentError,
  lessonsByTaskStatement,
  neighbours,
  whereTaught,
  type LessonInput,
  type SectionInput,
} from '../../src/lib/course';

const sections: SectionInput[] = [
  { id: 'later', order: 2, title: 'Later section', summary: 'Comes second.', domains: [3] },
  { id: 'first', order: 1, title: 'First section', summary: 'Comes first.', domains: [2] },
  { id: 'empty', order: 3, title: 'Empty section', summary: 'No lessons yet.', domains: [4] },
];

function lesson(id: string, order: number, overrides: Partial<LessonInput> = {}): LessonInput {
  const [section = ''] = id.split('/');
  return {
    id,
    filePath: `content/${id}.mdx`,
    title: `Lesson ${id}`,
    description: 'A lesson.',
    section,
    order,
    minutes: 5,
    keyTerms: [],
    taskStatements: ['2.1'],
    ...overrides,
  };
}

const lessons = [
  lesson('later/b', 1, { keyTerms: ['token', 'prompt'] }),
  lesson('first/two', 2),
  lesson('first/one', 1, { keyTerms: ['token'] }),
];
const glossary = ['token', 'prompt'].map((id) => ({ id, filePath: 'content/glossary/first.yaml' }));

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
  throw new Error('expected a ContentError');
}

describe('buildCourse', () => {
  it('orders sections and lessons by their order fields', () => {
    const course = buildCourse({ sections, lessons, glossary });
    expect(course.sections.map((s) => s.id)).toEqual(['first', 'later', 'empty']);
    expect(course.lessons.map((l) => l.id)).toEqual(['first/one', 'first/two', 'later/b']);
    expect(course.lessons[0]?.href).toBe('/learn/first/one/');
    expect(course.sections[2]?.lessons).toEqual([]);
  });

  it('links each lesson to its neighbours across sections', () => {
    const course = buildCourse({ sections, lessons, glossary });
    expect(neighbours(course, 'first/one').previous).toBeUndefined();
    expect(neighbours(course, 'first/one').next?.id).toBe('first/two');
    expect(neighbours(course, 'first/two').next?.id).toBe('later/b');
    expect(neighbours(course, 'later/b').previous?.id).toBe('first/two');
    expect(neighbours(course, 'later/b').next).toBeUndefined();
  });

  it('gives a lesson that is not in the course no neighbours', () => {
    const course = buildCourse({ sections, lessons, glossary });
    expect(neighbours(course, 'first/missing')).toEqual({ previous: undefined, next: undefined });
  });

  it('names the file and field of every broken reference', () => {
    const problems = problemsOf(() =>
      buildCourse({
        sections,
        lessons: [
          lesson('first/one', 1, { keyTerms: ['no-such-term', 'token'] }),
          lesson('first/two', 1),
          lesson('nowhere/x', 1),
          lesson('later/y', 2, { section: 'first' }),
        ],
        glossary,
      }),
    );
    expect(problems).toContain(
      'content/first/one.mdx: keyTerms: "no-such-term" is not an id in any file of content/glossary/',
    );
    expect(problems).toContain('content/first/one.mdx: order: 1 is also used by content/first/two.mdx');
    expect(problems).toContain(
      'content/nowhere/x.mdx: section: "nowhere" is not a section id in content/sections.yaml',
    );
    expect(problems).toContain('content/later/y.mdx: section: "first" does not match the lesson\'s folder "later"');
    expect(problems).toContain(
      'content/glossary/first.yaml: id: "prompt" is not in any lesson\'s keyTerms, so no lesson teaches it',
    );
  });

  it('names every file of an order clash, however many lessons share the order', () => {
    const clash = ['first/a', 'first/b', 'first/c'].map((id) => lesson(id, 1));
    expect(problemsOf(() => buildCourse({ sections, lessons: clash, glossary: [] }))).toEqual([
      'content/first/a.mdx: order: 1 is also used by content/first/b.mdx',
      'content/first/b.mdx: order: 1 is also used by content/first/c.mdx',
    ]);
  });

  it('throws one ContentError whose message lists every problem', () => {
    const cheatSheets = [{ id: 'gone', filePath: 'content/gone/_cheatsheet.mdx', section: 'gone' }];
    const quizzes = [{ filePath: 'quizzes/lost.yaml', section: 'lost', questions: [] }];
    expect(() => buildCourse({ sections, lessons, glossary, cheatSheets, quizzes })).toThrow(
      expect.objectContaining({
        name: 'ContentError',
        message:
          'The course content has 2 problem(s):\n' +
          '  - content/gone/_cheatsheet.mdx: section: "gone" is not a section id in content/sections.yaml\n' +
          '  - quizzes/lost.yaml: section: "lost" is not a section id in content/sections.yaml',
      }),
    );
  });

  it('rejects two sections with the same order', () => {
    const clash = [...sections, { id: 'twin', order: 1, title: 'Twin', summary: 'Same order.', domains: [1] }];
    expect(problemsOf(() => buildCourse({ sections: clash, lessons: [], glossary: [] }))).toEqual([
      'content/sections.yaml: order: sections "first" and "twin" both use order 1',
    ]);
  });

  it('rejects quiz questions with a duplicate id or a link to a missing lesson', () => {
    const quizzes = [
      { filePath: 'quizzes/first.yaml', section: 'first', questions: [{ id: 'q-1', lesson: 'first/one' }] },
      {
        filePath: 'quizzes/later.yaml',
        section: 'later',
        questions: [
          { id: 'q-1', lesson: 'later/b' },
          { id: 'q-2', lesson: 'later/missing' },
        ],
      },
      { filePath: 'quizzes/lost.yaml', section: 'lost', questions: [] },
    ];
    expect(problemsOf(() => buildCourse({ sections, lessons, glossary, quizzes }))).toEqual([
      'quizzes/later.yaml: question "q-1": id: already used in quizzes/first.yaml',
      'quizzes/later.yaml: question "q-2": lesson: "later/missing" is not a lesson id',
      'quizzes/lost.yaml: section: "lost" is not a section id in content/sections.yaml',
    ]);
  });

  it('gives every section an overview page under /learn/', () => {
    const course = buildCourse({ sections, lessons, glossary });
    expect(course.sections.map((section) => section.href)).toEqual(
      course.sections.map((section) => `/learn/${section.id}/`),
    );
  });

  it('links a section to its cheat sheet and rejects one in the wrong folder', () => {
    const cheatSheets = ['first', 'later'].map((id) => ({
      id,
      filePath: `content/${id}/_cheatsheet.mdx`,
      section: id,
    }));
    const course = buildCourse({ sections, lessons, glossary, cheatSheets });
    expect(course.sections.map((section) => section.cheatSheetHref)).toEqual([
      '/cheat-sheets/first/',
      '/cheat-sheets/later/',
      undefined,
    ]);
    const misplaced = [{ id: 'later', filePath: 'content/later/_cheatsheet.mdx', section: 'first' }];
    expect(problemsOf(() => buildCourse({ sections, lessons, glossary, cheatSheets: misplaced }))).toEqual([
      'content/later/_cheatsheet.mdx: section: "first" does not match its folder "later"',
    ]);
  });

  it('links a section to its quiz, once it has one', () => {
    const quizzes = ['first', 'later'].map((section) => ({
      filePath: `quizzes/${section}.yaml`,
      section,
      questions: [],
    }));
    const course = buildCourse({ sections, lessons, glossary, quizzes });
    expect(course.sections.map((section) => section.quizHref)).toEqual(['/quiz/first/', '/quiz/later/', undefined]);
  });
});

describe('whereTaught', () => {
  it('maps each term to the first lesson in reading order that lists it', () => {
    const taught = whereTaught(buildCourse({ sections, lessons, glossary }));
    expect(taught.get('token')?.id).toBe('first/one');
    expect(taught.get('prompt')?.id).toBe('later/b');
  });
});

describe('lessonsByTaskStatement', () => {
  it('lists the lessons covering each task statement in reading order', () => {
    const course = buildCourse({
      sections,
      lessons: [...lessons, lesson('first/three', 3, { taskStatements: ['3.1', '2.1'] })],
      glossary,
    });
    const byTask = lessonsByTaskStatement(course);
    expect(byTask.get('2.1')?.map((l) => l.id)).toEqual(['first/one', 'first/two', 'first/three', 'later/b']);
    expect(byTask.get('3.1')?.map((l) => l.id)).toEqual(['first/three']);
    expect(byTask.get('5.2')).toBeUndefined();
  });
});
