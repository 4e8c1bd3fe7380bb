/**
 * A malformed lesson or quiz must stop the build with a message naming the file and the field.
 * Each case copies the real content into a scratch project that uses the course's own collections,
 * breaks one file, and runs Astro's content sync on it (the step of `astro build` that validates content).
 */
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sync } from 'astro';

const root = join(import.meta.dirname, '..', '..');
const scratch = join(root, 'tests', '.fixtures');

async function syncWith(name: string, breakFile: (project: string) => Promise<void>) {
  const project = join(scratch, name);
  await rm(project, { recursive: true, force: true });
  await mkdir(join(project, 'src'), { recursive: true });
  await cp(join(root, 'content'), join(project, 'content'), { recursive: true });
  await cp(join(root, 'quizzes'), join(project, 'quizzes'), { recursive: true });
  await writeFile(join(project, 'astro.config.mjs'), "export { default } from '../../../astro.config.mjs';\n");
  await writeFile(
    join(project, 'src', 'content.config.ts'),
    "export { collections } from '../../../../src/content.config.ts';\n",
  );
  await breakFile(project);
  try {
    await sync({ root: project, logLevel: 'silent' });
  } catch (error) {
    return error as Error & { loc?: { file?: string } };
  }
  return undefined;
}

async function edit(file: string, change: (text: string) => string) {
  await writeFile(file, change(await readFile(file, 'utf8')));
}

// The scratch projects stay (tests/.fixtures is git-ignored; each run starts them afresh): Astro saves its content
// store on a timer that can fire after a failed sync, and removing the folder under it would fail that write.

describe('content validation', () => {
  it('accepts the course content as it is', async () => {
    expect(await syncWith('valid', async () => {})).toBeUndefined();
  });

  it('names the lesson file and the missing field', async () => {
    const error = await syncWith('lesson', (project) =>
      edit(join(project, 'content/what-is-genai/generative-ai-basics.mdx'), (text) => text.replace(/^title: .*$/m, '')),
    );
    expect(error?.message).toContain('lessons → what-is-genai/generative-ai-basics');
    expect(error?.message).toMatch(/\btitle\b.*Required/);
    expect(error?.loc?.file).toMatch(/content\/what-is-genai\/generative-ai-basics\.mdx$/);
  });

  it('names the quiz file, the question and the field of an answer that does not fit', async () => {
    const error = await syncWith('quiz', (project) =>
      edit(join(project, 'quizzes/what-is-genai.yaml'), (text) =>
        text.replace(/^ {4}answer: [a-z]$/m, '    answer: z'),
      ),
    );
    expect(error?.message).toContain('quizzes → what-is-genai');
    expect(error?.message).toMatch(/questions\.\d+\.answer.*question "wig-\d+": "z" is not an option id/);
  });

  it('names the field of a lesson whose task statement is outside its domains', async () => {
    const error = await syncWith('task', (project) =>
      edit(join(project, 'content/what-is-genai/llms-and-non-determinism.mdx'), (text) =>
        text.replace(/^taskStatements: .*$/m, "taskStatements: ['5.1']"),
      ),
    );
    expect(error?.message).toContain('lessons → what-is-genai/llms-and-non-determinism');
    expect(error?.message).toContain('taskStatements');
  });
});
