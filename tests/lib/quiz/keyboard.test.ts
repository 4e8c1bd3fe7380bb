import { describe, expect, it } from 'vitest';
import { answerForNumberKey, quizKeyAction, type KeyPress } from '../../../src/lib/quiz/keyboard';
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
    expect(answerForNumberKey(multiple, order, undefined, '2')).toEqual(['d']);
  });

  it('ignores other keys, missing positions and other question types', () => {
    expect(answerForNumberKey(single('s'), ['a', 'b', 'c', 'd'], undefined, '5')).toBeUndefined();
    expect(answerForNumberKey(single('s'), ['a', 'b', 'c', 'd'], undefined, 'x')).toBeUndefined();
    expect(answerForNumberKey(ordering, ['a', 'b', 'c'], undefined, '1')).toBeUndefined();
    expect(answerForNumberKey(multiple, ['e', 'd', 'c', 'b', 'a'], ['a'], '6')).toBeUndefined();
  });
});

describe('quizKeyAction', () => {
  const press = (key: string, target: KeyPress['target'] = 'other', modified = false) =>
    quizKeyAction({ key, target, modified });

  it('maps the quiz shortcuts', () => {
    expect(press('3')).toBe('option');
    expect(press('f')).toBe('flag');
    expect(press('F')).toBe('flag');
    expect(press('Enter')).toBe('enter');
    expect(press('ArrowRight')).toBe('next');
    expect(press('ArrowLeft')).toBe('previous');
    expect(press('x')).toBeUndefined();
    expect(press('F1')).toBeUndefined();
    expect(press('0')).toBeUndefined();
    expect(press('10')).toBeUndefined();
  });

  it('goes between questions with ← → wherever focus is, options and menus included', () => {
    for (const target of ['choice', 'select', 'button', 'other'] as const) {
      expect(press('ArrowRight', target)).toBe('next');
      expect(press('ArrowLeft', target)).toBe('previous');
    }
  });

  it('moves between options with ↑ ↓ without choosing, and picks with number keys there too', () => {
    expect(press('ArrowDown', 'choice')).toBe('next-choice');
    expect(press('ArrowUp', 'choice')).toBe('previous-choice');
    expect(press('1', 'choice')).toBe('option');
    expect(press('ArrowDown', 'other')).toBeUndefined();
    expect(press('ArrowUp', 'other')).toBeUndefined();
    expect(press('ArrowUp', 'button')).toBeUndefined();
  });

  it("leaves menus' own keys, buttons' Enter and browser shortcuts alone", () => {
    expect(press('1', 'select')).toBeUndefined();
    expect(press('ArrowDown', 'select')).toBeUndefined();
    expect(press('Enter', 'button')).toBeUndefined();
    expect(press('f', 'other', true)).toBeUndefined();
    expect(press('ArrowRight', 'choice', true)).toBeUndefined();
  });
});
