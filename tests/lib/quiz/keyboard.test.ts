import { describe, expect, it } from 'vitest';
import { answerForNumberKey } from '../../../src/lib/quiz/keyboard';
import { multiple, ordering, single } from './fixtures';

describe('answerForNumberKey', () => {
  it('picks the option shown at that position', () => {
    expect(answerForNumberKey(single('s'), ['c', 'a', 'd', 'b'], undefined, '2')).toBe('a');
    expect(answerForNumberKey(single('s'), ['c', 'a', 'd', 'b'], 'a', '4')).toBe('b');
  });

  it('toggles options of a multiple-response question', () => {
    const order = ['e', 'd', 'c', 'b', 'a'];
    expect(answerForNumberKey(multiple, order, ['a'], '1')).toEqual(['a', 'e']);
    expect(answerForNumberKey(multiple, order, ['a', 'e'], '1')).toEqual(['a']);
  });

  it('ignores other keys, missing positions and other question types', () => {
    expect(answerForNumberKey(single('s'), ['a', 'b', 'c', 'd'], undefined, '5')).toBeUndefined();
    expect(answerForNumberKey(single('s'), ['a', 'b', 'c', 'd'], undefined, 'x')).toBeUndefined();
    expect(answerForNumberKey(ordering, ['a', 'b', 'c'], undefined, '1')).toBeUndefined();
  });
});
