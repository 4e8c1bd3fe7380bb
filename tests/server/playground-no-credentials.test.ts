/**
 * A server without AWS credentials or region: Bedrock is off, the models route says how to set it up, a chat to a
 * Bedrock model gets a clear error, and the built-in model still answers. The SDK's real credential chain runs
 * against empty shared files, with no credentials in the environment and no instance metadata to ask.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPlayground } from '../../src/server/playground/playground';
import { startFakeBedrock, type FakeBedrock } from '../fakes/bedrock-server';
import { NOVA_MICRO, ask, chatRequest, errorOf, eventsOf, testSettings } from './helpers';

let fake: FakeBedrock;
let folder: string;

beforeAll(async () => {
  fake = await startFakeBedrock();
  folder = await mkdtemp(join(tmpdir(), 'no-aws-'));
  await writeFile(join(folder, 'credentials'), '');
  await writeFile(join(folder, 'config'), '');
  for (const name of Object.keys(process.env)) if (/^AWS_/.test(name)) Reflect.deleteProperty(process.env, name);
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(folder, 'credentials');
  process.env.AWS_CONFIG_FILE = join(folder, 'config');
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
});

afterAll(async () => {
  await fake.close();
  await rm(folder, { recursive: true, force: true });
});

describe('no AWS credentials', () => {
  test('the models route says Bedrock is off and how to set it up; only the built-in model is available', async () => {
    const playground = createPlayground(testSettings({ bedrockRegion: 'us-east-1', bedrockEndpoint: fake.url }));
    const { models, bedrock } = await playground.models('127.0.0.1');
    expect(bedrock.enabled).toBe(false);
    expect(bedrock.region).toBe('us-east-1');
    expect(bedrock.advice).toMatch(/no AWS credentials/);
    expect(bedrock.advice).toMatch(/aws configure.*AWS_PROFILE.*aws sso login.*AWS_ACCESS_KEY_ID/);
    expect(models[0]).toMatchObject({ id: 'course-lm', available: true });
    for (const model of models.slice(1)) {
      expect(model.available).toBe(false);
      expect(model.unavailableReason).toBe(bedrock.advice);
    }
  });

  test('a chat to a Bedrock model is refused with the same advice, without calling Bedrock', async () => {
    const playground = createPlayground(testSettings({ bedrockRegion: 'us-east-1', bedrockEndpoint: fake.url }));
    const response = await playground.chat(chatRequest(ask(NOVA_MICRO, 'hello?')), '127.0.0.1');
    expect(response.status).toBe(503);
    const error = await errorOf(response);
    expect(error).toMatchObject({ code: 'bedrock-disabled', field: 'modelId' });
    expect(error.message).toContain('Amazon Nova Micro runs on Amazon Bedrock');
    expect(error.advice).toMatch(/aws configure/);
    expect(fake.requests).toHaveLength(0);
    const builtIn = await playground.chat(chatRequest(ask('course-lm', 'hello', { maxTokens: 3 })), '127.0.0.1');
    expect((await eventsOf(builtIn)).at(-1)?.type).toBe('done');
  });

  test('without a region, the advice says to set one', async () => {
    const playground = createPlayground(testSettings({ bedrockEndpoint: fake.url }));
    const { bedrock } = await playground.models('127.0.0.1');
    expect(bedrock).toMatchObject({ enabled: false });
    expect(bedrock.advice).toMatch(/no AWS region.*AWS_REGION or BEDROCK_REGION/);
  });
});
