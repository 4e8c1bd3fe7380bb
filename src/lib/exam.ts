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
  {
    name: 'Multiple choice',
    rule: 'one right answer among four options',
    scoring: 'Right or wrong.',
  },
  {
    name: 'Multiple response',
    rule: 'two or more right answers among five or more; all are needed for credit',
    scoring: 'Credit only when you pick every right option and no wrong one.',
  },
  {
    name: 'Ordering',
    rule: 'put three to five steps in order',
    scoring: 'Credit only when every step is in the right place.',
  },
  {
    name: 'Matching',
    rule: 'match three to seven prompts to their responses',
    scoring: 'Credit only when every pair is right.',
  },
  {
    name: 'Case study',
    rule: 'one scenario with several questions, each scored on its own (in guide v1.4; some 2026 transcriptions omit it)',
    scoring: 'Each question of the scenario earns its own credit.',
  },
] as const;

/** Task statements of exam guide v1.4, by id; the 2026 revision keeps these ids and adds 3.2.5, 3.4.4, 3.4.5 and 5.1.5 items. */
export const taskStatements = [
  { id: '1.1', title: 'Explain basic AI concepts and terminologies' },
  { id: '1.2', title: 'Identify practical use cases for AI' },
  { id: '1.3', title: 'Describe the ML development lifecycle' },
  { id: '2.1', title: 'Explain the basic concepts of generative AI' },
  { id: '2.2', title: 'Understand the capabilities and limitations of generative AI for solving business problems' },
  { id: '2.3', title: 'Describe AWS infrastructure and technologies for building generative AI applications' },
  { id: '3.1', title: 'Describe design considerations for applications that use foundation models' },
  { id: '3.2', title: 'Choose effective prompt engineering techniques' },
  { id: '3.3', title: 'Describe the training and fine-tuning process for foundation models' },
  { id: '3.4', title: 'Describe methods to evaluate foundation model performance' },
  { id: '4.1', title: 'Explain the development of AI systems that are responsible' },
  { id: '4.2', title: 'Recognize the importance of transparent and explainable models' },
  { id: '5.1', title: 'Explain methods to secure AI systems' },
  { id: '5.2', title: 'Recognize governance and compliance regulations for AI systems' },
] as const;

export function domainTitle(id: number) {
  return examDomains.find((domain) => domain.id === id)?.title ?? `Domain ${id}`;
}
