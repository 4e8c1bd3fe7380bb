/** Shared facts about the course the journeys walk through. */
export const LESSON_1 = { path: '/learn/what-is-genai/generative-ai-basics/', title: 'From AI to generative AI' };
export const LESSON_2 = {
  path: '/learn/what-is-genai/llms-and-non-determinism/',
  title: 'LLMs, prompts and why answers vary',
};
export const PROGRESS_KEY = 'aif-c01:progress';

/**
 * The course server and the course server calling a fake Amazon Bedrock. Each listens on a free port that
 * Playwright reads from its start-up line (see playwright.config.ts), so two runs can share a machine.
 */
export const SERVER_ORIGINS = {
  app: () => `http://127.0.0.1:${process.env.E2E_APP_PORT}`,
  bedrockApp: () => `http://127.0.0.1:${process.env.E2E_BEDROCK_APP_PORT}`,
};
