/** Shared facts about the course the journeys walk through. */
export const LESSON_1 = { path: '/learn/what-is-genai/generative-ai-basics/', title: 'From AI to generative AI' };
export const LESSON_2 = {
  path: '/learn/what-is-genai/llms-and-non-determinism/',
  title: 'LLMs, prompts and why answers vary',
};
export const PROGRESS_KEY = 'aif-c01:progress';

// E2E_PORT lets two checkouts run their browser tests side by side; the next two ports go to the Bedrock journeys.
const firstPort = Number(process.env.E2E_PORT ?? 4329);
/** The course server, a fake Amazon Bedrock runtime, and the course server calling that fake. */
export const PORTS = { app: firstPort, fakeBedrock: firstPort + 1, bedrockApp: firstPort + 2 };
