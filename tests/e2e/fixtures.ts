/** Shared facts about the course the journeys walk through. */
export const LESSON_1 = { path: '/learn/what-is-genai/generative-ai-basics/', title: 'From AI to generative AI' };
export const LESSON_2 = {
  path: '/learn/what-is-genai/llms-and-non-determinism/',
  title: 'LLMs, prompts and why answers vary',
};
export const PROGRESS_KEY = 'aif-c01:progress';
