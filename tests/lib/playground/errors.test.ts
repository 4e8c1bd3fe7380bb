import { describe, expect, it } from 'vitest';
import { responseError, unreachableError } from '../../../src/lib/playground/errors';

const NEEDS_SERVER =
  'The playground runs its models on the course server, the built-in model included: start the course with "npm start" and open it from there.';

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

  it('names the status when the server’s error has no code, and leaves out a field or advice that is not text', () => {
    expect(responseError(503, { error: { message: 'Busy.', field: 3, advice: ['Wait.'] } })).toEqual({
      code: 'http-503',
      message: 'Busy.',
    });
  });

  it('explains a site served without the course server', () => {
    for (const status of [404, 405]) {
      expect(responseError(status, null)).toEqual({
        code: 'no-server',
        message: 'This copy of the site has no playground server.',
        advice: NEEDS_SERVER,
      });
    }
  });

  it('explains an error status with no error body, or a body without a message', () => {
    for (const body of ['Bad gateway', { error: { code: 'bad-gateway' } }]) {
      expect(responseError(502, body)).toEqual({
        code: 'http-502',
        message: 'The server answered with an error (HTTP 502).',
        advice: 'Try again in a moment. If it keeps happening, restart the course server and look at its log.',
      });
    }
  });

  it('tells an offline learner that the built-in model needs only the course server', () => {
    expect(unreachableError('course-lm', false)).toEqual({
      code: 'offline',
      message: 'This browser is offline, so the question could not be sent.',
      advice:
        'Reconnect, or run the course on this computer: the built-in model needs only the course server, not the internet.',
    });
    expect(unreachableError('anthropic.claude', false).advice).toBe(
      'Reconnect to the internet: Amazon Bedrock models run in AWS.',
    );
    expect(unreachableError('course-lm', true)).toEqual({
      code: 'network',
      message: 'The course server did not answer.',
      advice: NEEDS_SERVER,
    });
  });
});
