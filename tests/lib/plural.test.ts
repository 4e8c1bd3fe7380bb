import { describe, expect, it } from 'vitest';
import { plural } from '../../src/lib/plural';

describe('plural', () => {
  it('uses the singular for exactly one and the plural otherwise', () => {
    expect(plural(1, 'question')).toBe('1 question');
    expect(plural(0, 'question')).toBe('0 questions');
    expect(plural(2, 'quiz attempt')).toBe('2 quiz attempts');
  });
});
