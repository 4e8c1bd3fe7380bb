import { z } from 'astro/zod';
import { examDomain, slug, source, taskStatementId, taskStatementsFitDomains } from './shared';

/** A short id for an option, item, prompt or response, unique within its question (e.g. "a", "p1"). */
const choiceId = z.string().regex(/^[a-z0-9]{1,4}$/, 'use a short id such as "a" or "p1"');

/** A choice the learner can pick, with why it is right or wrong. */
const explainedChoice = z.object({
  /** Stable id the answer refers to; options are shuffled per attempt, ids are not. */
  id: choiceId,
  /** What the learner reads. */
  text: z.string().min(1),
  /** Why this choice is right or wrong, shown after answering. */
  explanation: z.string().min(10),
});

/** Fields every scored question has, whatever its type. */
const questionBase = z.object({
  /** Unique across all quiz files; progress and mistake review are keyed by it. */
  id: slug,
  /** Exam domain (1 to 5) the question practises. */
  domain: examDomain,
  /** Exam guide task statement, e.g. "2.1"; must belong to `domain`. */
  taskStatement: taskStatementId,
  /** How hard the question is meant to be. */
  difficulty: z.enum(['easy', 'medium', 'hard']),
  /** Id of the lesson that teaches the answer, e.g. "what-is-genai/generative-ai-basics". */
  lesson: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'use a lesson id such as "section/lesson"'),
  /** The question as the learner reads it. */
  stem: z.string().min(10),
  /** Where the answer can be checked. */
  sources: z.array(source).min(1),
});

/** Multiple choice: one right answer among four options. */
const singleQuestion = questionBase.extend({
  type: z.literal('single'),
  /** Exactly four options. */
  options: z.array(explainedChoice).length(4),
  /** Id of the one right option. */
  answer: choiceId,
});

/** Multiple response: two or more right answers among five or more options, all needed for credit. */
const multipleQuestion = questionBase.extend({
  type: z.literal('multiple'),
  /** Five or more options. */
  options: z.array(explainedChoice).min(5),
  /** Ids of every right option (two or more, fewer than all). */
  answer: z.array(choiceId).min(2),
});

/** Ordering: three to five items to put in order. */
const orderingQuestion = questionBase.extend({
  type: z.literal('ordering'),
  /** The items, in any order; each explanation says why the item belongs where it does. */
  items: z.array(explainedChoice).min(3).max(5),
  /** Every item id, in the right order. */
  answer: z.array(choiceId),
});

/** Matching: three to seven prompts, each matched to one response. */
const matchingQuestion = questionBase.extend({
  type: z.literal('matching'),
  /** What has to be matched (three to seven). */
  prompts: z
    .array(z.object({ id: choiceId, text: z.string().min(1) }))
    .min(3)
    .max(7),
  /** What it can be matched to: at least as many as the prompts. */
  responses: z.array(explainedChoice).min(3),
  /** For every prompt id, the id of its response. */
  answer: z.record(z.string(), choiceId),
});

const standaloneTypes = [singleQuestion, multipleQuestion, orderingQuestion, matchingQuestion] as const;

function checkAnswer(question: z.infer<(typeof standaloneTypes)[number]>, ctx: z.RefinementCtx) {
  for (const { path, message } of answerProblems(question)) {
    ctx.addIssue({ code: 'custom', path, message: `question "${question.id}": ${message}` });
  }
}

/** A question that stands on its own (every type but case study). */
export const standaloneQuestionSchema = z.discriminatedUnion('type', [...standaloneTypes]).superRefine(checkAnswer);

/** Case study: one scenario with two or more questions, each scored on its own. */
const caseStudy = z.object({
  type: z.literal('case-study'),
  /** Unique across all quiz files. */
  id: slug,
  /** The situation all of its questions refer to. */
  scenario: z.string().min(50),
  /** Two or more questions of the other types. */
  questions: z.array(standaloneQuestionSchema).min(2, { error: 'a case study needs two or more questions' }),
});

/** One entry of a quiz file's `questions`; `type` picks the shape, so errors name the exact field. */
export const questionSchema = z
  .discriminatedUnion('type', [...standaloneTypes, caseStudy])
  .superRefine((question, ctx) => {
    if (question.type !== 'case-study') checkAnswer(question, ctx);
  });

/** A quiz file in `quizzes/`: the questions of one section. */
export const quizSchema = z.object({
  /** Id of the section in `content/sections.yaml` the questions belong to. */
  section: slug,
  /** Heading of the section quiz. */
  title: z.string().min(3).max(80),
  /** The questions, in the order the author wrote them (the quiz shuffles per attempt). */
  questions: z.array(questionSchema).min(1),
});

export type StandaloneQuestion = z.infer<typeof standaloneQuestionSchema>;
export type Question = z.infer<typeof questionSchema>;
export type Quiz = z.infer<typeof quizSchema>;

interface AnswerProblem {
  path: (string | number)[];
  message: string;
}

function duplicates(ids: string[]) {
  return ids.filter((id, index) => ids.indexOf(id) !== index);
}

/** Checks that a question's answer fits its type and names only ids the question defines. */
export function answerProblems(question: StandaloneQuestion): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  if (!taskStatementsFitDomains([question.domain], [question.taskStatement])) {
    problems.push({
      path: ['taskStatement'],
      message: `task statement ${question.taskStatement} is not in domain ${question.domain}`,
    });
  }
  const choices =
    question.type === 'ordering'
      ? question.items
      : question.type === 'matching'
        ? question.responses
        : question.options;
  const field = question.type === 'ordering' ? 'items' : question.type === 'matching' ? 'responses' : 'options';
  const ids = choices.map((choice) => choice.id);
  for (const id of new Set(duplicates(ids))) problems.push({ path: [field], message: `id "${id}" is used twice` });
  const unknown = (answerIds: string[]) => answerIds.filter((id) => !ids.includes(id));

  switch (question.type) {
    case 'single':
      for (const id of unknown([question.answer]))
        problems.push({ path: ['answer'], message: `"${id}" is not an option id` });
      break;
    case 'multiple':
      for (const id of unknown(question.answer))
        problems.push({ path: ['answer'], message: `"${id}" is not an option id` });
      if (duplicates(question.answer).length > 0)
        problems.push({ path: ['answer'], message: 'an option is listed twice' });
      if (question.answer.length >= ids.length)
        problems.push({ path: ['answer'], message: 'at least one option must be wrong' });
      break;
    case 'ordering':
      if (
        question.answer.length !== ids.length ||
        unknown(question.answer).length > 0 ||
        duplicates(question.answer).length > 0
      ) {
        problems.push({
          path: ['answer'],
          message: `must list every item id once, in order (items: ${ids.join(', ')})`,
        });
      }
      break;
    case 'matching': {
      const promptIds = question.prompts.map((prompt) => prompt.id);
      for (const id of new Set(duplicates(promptIds)))
        problems.push({ path: ['prompts'], message: `id "${id}" is used twice` });
      for (const id of promptIds) {
        if (!(id in question.answer))
          problems.push({ path: ['answer', id], message: `prompt "${id}" has no response` });
      }
      for (const [promptId, responseId] of Object.entries(question.answer)) {
        if (!promptIds.includes(promptId))
          problems.push({ path: ['answer', promptId], message: `"${promptId}" is not a prompt id` });
        if (!ids.includes(responseId))
          problems.push({ path: ['answer', promptId], message: `"${responseId}" is not a response id` });
      }
      if (question.responses.length < promptIds.length) {
        problems.push({ path: ['responses'], message: 'needs at least as many responses as prompts' });
      }
      break;
    }
  }
  return problems;
}
