import { describe, expect, it } from 'vitest';
import { responseError, unreachableError } from '../../../src/lib/playground/errors';

describe('playground errors', () => {
  it('passes on the server’s own message, field and advice', () => {
    const error = responseError(429, {
      error: { code: 'rate-limited', message: 'Too many questions.', advice: 'Wait a minute.' },
    });
    expect(error).toEqual({ code: 'rate-limited', message: 'Too many questions.', advice: 'Wait a minute.' });
    expect(responseError(400, { error: { code: 'validation', field: 'temperature', message: 'Too high.' } })).toEqual({
      code: 'validation',
      field: 'temperature',
      message: 'Too high.',
    });
  });

  it('explains a site served without the course server', () => {
    expect(responseError(404, null)).toMatchObject({ code: 'no-server', advice: expect.stringMatching(/npm start/) });
  });

  it('explains an error status with no error body', () => {
    expect(responseError(502, 'Bad gateway')).toMatchObject({ message: expect.stringContaining('502') });
  });

  it('tells an offline learner that the built-in model needs only the course server', () => {
    expect(unreachableError('course-lm', false).advice).toMatch(/only the course server/);
    expect(unreachableError('anthropic.claude', false).advice).toMatch(/internet/);
    expect(unreachableError('course-lm', true)).toMatchObject({
      code: 'network',
      advice: expect.stringMatching(/npm start/),
    });
  });
});
