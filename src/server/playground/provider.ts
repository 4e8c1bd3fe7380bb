/** What the playground asks of a model provider: the built-in model and Amazon Bedrock both answer this way. */
import type { ChatUsage, TokenAlternative } from '../../lib/chat-protocol';
import type { Refusal } from '../responses';
import type { ValidChat } from './validation';

export type ProviderEvent =
  /** Text to append to the answer; the built-in model adds the words it considered. */
  | { type: 'text'; text: string; alternatives?: TokenAlternative[] }
  /** The answer is complete. Usage is absent when the provider did not report it. */
  | { type: 'end'; stopReason: string; usage?: ChatUsage };

export interface ChatProvider {
  /** Whether answers are Markdown, sent to the browser as trees too (Bedrock), or plain words (the built-in model). */
  readonly answersInMarkdown: boolean;
  /**
   * Starts an answer. Resolves once the model has accepted the request, so that a refusal (throttling, no
   * access) is thrown here, before any of the answer is streamed; the events follow. Aborting the signal stops
   * the generation at once.
   */
  open(chat: ValidChat, signal: AbortSignal): Promise<AsyncIterable<ProviderEvent>>;
  /** A failure of `open` or of the answer as advice for the browser, logged on the server without a stack. */
  describeError(error: unknown, model: { name: string }): Refusal;
}
