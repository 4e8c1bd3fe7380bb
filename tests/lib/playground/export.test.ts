import { describe, expect, it } from 'vitest';
import {
  answerFigures,
  conversationToMarkdown,
  settingsSummary,
  stopReasonText,
} from '../../../src/lib/playground/export';
import { emptyConversation } from '../../../src/lib/playground/conversation';
import { doneAnswer, haiku, lane } from './fixtures';

describe('conversationToMarkdown', () => {
  it('writes prompts, answers with their settings and figures, and the totals', () => {
    const markdown = conversationToMarkdown({
      ...emptyConversation(),
      turns: [
        {
          id: '1',
          at: '2026-11-22T10:00:00.000Z',
          prompt: 'What is **Bedrock**?',
          system: 'Be brief.\nUse English.',
          answers: [
            doneAnswer({ lane: lane({ temperature: 0, stopSequences: ['.'] }), text: 'A *service*.' }),
            doneAnswer({
              lane: lane({ modelId: haiku.id, temperature: 0.5, topP: 0.9, maxTokens: 512 }),
              modelName: 'Claude 3.5 Haiku',
              text: 'A managed service.',
              usage: { inputTokens: 20, outputTokens: 6 },
              timeToFirstTokenMs: 310,
              latencyMs: 1480,
              costUsd: 0.00004,
            }),
          ],
        },
        {
          id: '2',
          at: '2026-11-22T10:01:00.000Z',
          prompt: 'More?',
          system: 'Be brief.\nUse English.',
          answers: [doneAnswer({ status: 'stopped', text: 'It', usage: undefined })],
        },
      ],
    });
    expect(markdown).toBe(
      [
        '# Playground conversation',
        '',
        '> System prompt: Be brief.',
        '> Use English.',
        '',
        '## You',
        '',
        'What is **Bedrock**?',
        '',
        '### **Course model** (temperature 0, top-p 1, seed 42, max tokens 40, stop sequences ".")',
        '',
        'A *service*.',
        '',
        '_4 input + 5 output tokens, first token 12 ms, total 40 ms, cost $0_',
        '',
        '### **Claude 3.5 Haiku** (temperature 0.5, top-p 0.9, max tokens 512)',
        '',
        'A managed service.',
        '',
        '_20 input + 6 output tokens, first token 310 ms, total 1.5 s, cost $0.0000400_',
        '',
        '## You',
        '',
        'More?',
        '',
        '### **Course model** (temperature 1, top-p 1, seed 42, max tokens 40)',
        '',
        'It',
        '',
        '_Stopped before the end._',
        '',
        '---',
        '',
        'Total: 2 answers, 24 input + 11 output tokens, $0.0000400.',
        '',
      ].join('\n'),
    );
  });

  it('says when an answer failed', () => {
    const markdown = conversationToMarkdown({
      ...emptyConversation(),
      turns: [
        {
          id: '1',
          at: '2026-11-22T10:00:00.000Z',
          prompt: 'Hi',
          system: '',
          answers: [
            doneAnswer({ status: 'error', text: '', usage: undefined, error: { message: 'Too many requests.' } }),
          ],
        },
      ],
    });
    expect(markdown).toContain('_Too many requests._');
    expect(markdown).toContain('Total: 0 answers');
  });
});

describe('conversationToMarkdown, turn by turn', () => {
  it('notes the system prompt only when it changes, and leaves out an answer not written yet', () => {
    const markdown = conversationToMarkdown({
      ...emptyConversation(),
      turns: [
        { id: '1', at: '2026-11-22T10:00:00.000Z', prompt: 'Hi', system: '', answers: [doneAnswer()] },
        {
          id: '2',
          at: '2026-11-22T10:01:00.000Z',
          prompt: 'Again',
          system: 'Be brief.',
          answers: [doneAnswer({ status: 'streaming', text: '', usage: undefined })],
        },
        { id: '3', at: '2026-11-22T10:02:00.000Z', prompt: 'Last', system: '', answers: [] },
      ],
    });
    expect(markdown).toBe(
      [
        '# Playground conversation',
        '',
        '## You',
        '',
        'Hi',
        '',
        '### **Course model** (temperature 1, top-p 1, seed 42, max tokens 40)',
        '',
        'Amazon Bedrock is a service.',
        '',
        '_4 input + 5 output tokens, first token 12 ms, total 40 ms, cost $0_',
        '',
        '> System prompt: Be brief.',
        '',
        '## You',
        '',
        'Again',
        '',
        '### **Course model** (temperature 1, top-p 1, seed 42, max tokens 40)',
        '',
        '> No system prompt.',
        '',
        '## You',
        '',
        'Last',
        '',
        '---',
        '',
        'Total: 1 answer, 4 input + 5 output tokens, $0.',
        '',
      ].join('\n'),
    );
  });
});

describe('answerFigures', () => {
  it('leaves out the timings an answer has none of', () => {
    expect(answerFigures(doneAnswer({ timeToFirstTokenMs: undefined, latencyMs: undefined }))).toBe(
      '4 input + 5 output tokens, cost $0',
    );
    expect(answerFigures(doneAnswer({ timeToFirstTokenMs: undefined, latencyMs: 2400 }))).toBe(
      '4 input + 5 output tokens, total 2.4 s, cost $0',
    );
  });

  it('says there is no answer when a failure kept no message', () => {
    expect(answerFigures(doneAnswer({ status: 'error', text: '', usage: undefined }))).toBe('No answer.');
  });

  it('gives a stopped answer what it used so far, saying when that is an estimate', () => {
    const stopped = { status: 'stopped', usage: { inputTokens: 4, outputTokens: 3 } } as const;
    expect(answerFigures(doneAnswer({ ...stopped, costUsd: 0 }))).toBe(
      'Stopped before the end. So far: 4 input + 3 output tokens, cost $0',
    );
    expect(answerFigures(doneAnswer({ ...stopped, lane: lane({ modelId: haiku.id }), costUsd: 0.0000152 }))).toBe(
      'Stopped before the end. So far, estimated: 4 input + 3 output tokens, cost $0.0000152',
    );
  });
});

describe('stopReasonText', () => {
  it('says why an answer ended in words', () => {
    expect(stopReasonText('max_tokens')).toBe('the maximum number of tokens was reached');
    expect(stopReasonText('stop_sequence')).toBe('a stop sequence was reached');
    expect(stopReasonText('model_context_window_exceeded')).toBe('model context window exceeded');
  });
});

describe('settingsSummary', () => {
  it('names only the randomness setting that was sent to a model that takes one of them', () => {
    expect(settingsSummary(doneAnswer({ lane: lane({ modelId: haiku.id }), onlySent: 'topP' }))).toBe(
      'top-p 1, max tokens 40',
    );
    expect(settingsSummary(doneAnswer({ lane: lane({ modelId: haiku.id }), onlySent: 'temperature' }))).toBe(
      'temperature 1, max tokens 40',
    );
  });

  it('lists the stop sequences that were set, written as JSON strings, skipping empty boxes', () => {
    expect(settingsSummary(doneAnswer({ lane: lane({ stopSequences: ['', '.', '\n'] }) }))).toBe(
      'temperature 1, top-p 1, seed 42, max tokens 40, stop sequences ".", "\\n"',
    );
    expect(settingsSummary(doneAnswer({ lane: lane({ stopSequences: ['', ''] }) }))).toBe(
      'temperature 1, top-p 1, seed 42, max tokens 40',
    );
  });
});
