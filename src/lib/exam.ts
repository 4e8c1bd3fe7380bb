/**
 * Facts about the AIF-C01 exam shown to learners, from the AWS exam guide (v1.4; the weights are unchanged in
 * the 2026 revision). Kept in one place so the home page, quizzes and mock exam agree.
 */

/** The official exam page, which links the current exam guide. */
export const EXAM_PAGE_URL = 'https://aws.amazon.com/certification/certified-ai-practitioner/';

export const examFormat = {
  code: 'AIF-C01',
  name: 'AWS Certified AI Practitioner',
  questions: 65,
  scoredQuestions: 50,
  minutes: 90,
  minScore: 100,
  maxScore: 1000,
  passingScore: 700,
} as const;

export interface ExamDomain {
  id: 1 | 2 | 3 | 4 | 5;
  title: string;
  /** Share of the scored content, in percent. */
  weight: number;
}

export const examDomains: ExamDomain[] = [
  { id: 1, title: 'Fundamentals of AI and ML', weight: 20 },
  { id: 2, title: 'Fundamentals of Generative AI', weight: 24 },
  { id: 3, title: 'Applications of Foundation Models', weight: 28 },
  { id: 4, title: 'Guidelines for Responsible AI', weight: 14 },
  { id: 5, title: 'Security, Compliance, and Governance for AI Solutions', weight: 14 },
];

export const questionTypes = [
  { name: 'Multiple choice', rule: 'one right answer among four options' },
  { name: 'Multiple response', rule: 'two or more right answers among five or more; all are needed for credit' },
  { name: 'Ordering', rule: 'put three to five steps in order' },
  { name: 'Matching', rule: 'match three to seven prompts to their responses' },
  {
    name: 'Case study',
    rule: 'one scenario with several questions, each scored on its own (in guide v1.4; some 2026 transcriptions omit it)',
  },
] as const;

export function domainTitle(id: number) {
  return examDomains.find((domain) => domain.id === id)?.title ?? `Domain ${id}`;
}
