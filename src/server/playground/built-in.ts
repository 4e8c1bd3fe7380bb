/** The built-in course model as a playground provider: one event per word, with the words it considered. */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { tokenize } from '../../lib/language-model';
import { createRandom } from '../../lib/seed';
import { courseLanguageModel } from '../language-model';
import type { ChatProvider, ProviderEvent } from './provider';
import type { ValidChat } from './validation';

/** Alternatives reported per word. */
const ALTERNATIVES = 5;

export const builtInProvider: ChatProvider = {
  answersInMarkdown: false,
  async open(chat, signal) {
    const model = await courseLanguageModel();
    return words(model, chat, signal);
  },
  describeError(error) {
    console.error(`Playground: the built-in model failed: ${error instanceof Error ? error.message : String(error)}`);
    return {
      status: 500,
      error: { code: 'built-in-error', message: 'The built-in model failed to answer.', advice: 'Try again.' },
    };
  },
};

async function* words(
  model: Awaited<ReturnType<typeof courseLanguageModel>>,
  chat: ValidChat,
  signal: AbortSignal,
): AsyncGenerator<ProviderEvent> {
  // A trigram model continues the text it is given: the user's last message.
  const prompt = chat.messages.at(-1)?.text ?? '';
  const seed = chat.seed ?? Math.floor(Math.random() * 2 ** 32);
  const tokens = model.generate(
    prompt,
    {
      maxTokens: chat.maxTokens,
      alternatives: ALTERNATIVES,
      ...(chat.temperature === undefined ? {} : { temperature: chat.temperature }),
      ...(chat.topK === undefined ? {} : { topK: chat.topK }),
      ...(chat.topP === undefined ? {} : { topP: chat.topP }),
      ...(chat.stopSequences ? { stopSequences: chat.stopSequences } : {}),
    },
    createRandom(seed),
  );
  let count = 0;
  for (const token of tokens) {
    if (signal.aborted) return;
    // The answer starts a new text, so the first word needs no space before it.
    yield { type: 'text', text: count === 0 ? token.text.trimStart() : token.text, alternatives: token.alternatives };
    count++;
    // Lets other requests, and an abort, in between words.
    await nextTurn();
  }
  const input = [chat.system ?? '', ...chat.messages.map((message) => message.text)].join(' ');
  yield {
    type: 'end',
    stopReason: count < chat.maxTokens ? 'stop_sequence' : 'max_tokens',
    usage: { inputTokens: tokenize(input).length, outputTokens: count },
  };
}
