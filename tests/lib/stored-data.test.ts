import { describe, expect, it } from 'vitest';
import { describeRepair } from '../../src/lib/repair-notice';
import { keyedRecord, parseObject, problemOf, type DataRepair } from '../../src/lib/stored-data';

const repair: Omit<DataRepair, 'original'> = {
  what: 'progress',
  problem: 'partly-invalid',
  dropped: 2,
  kept: '1 completed lesson',
};

describe('describeRepair', () => {
  it('says where the copy of the original is', () => {
    expect(describeRepair({ ...repair, original: { copiedTo: 'aif-c01:progress:damaged-copy' } })).toBe(
      'Your saved progress was damaged. We kept 1 completed lesson; 2 unreadable entries were left out. A copy of ' +
        'the original is kept in this browser under "aif-c01:progress:damaged-copy".',
    );
  });

  it('says, when there was no room for a copy, that the original was left as it was and nothing is saved', () => {
    expect(describeRepair({ ...repair, dropped: 1, original: { leftInPlace: 'full' } })).toBe(
      "Your saved progress was damaged. We could read 1 completed lesson; 1 unreadable entry was left out. There is no room in this browser's storage for a copy of the original, so it was left as it was: changes to your progress on this page will not be saved. Once there is room, reloading the page repairs it.",
    );
  });

  it('does not blame the room when the browser refused the copy for another reason', () => {
    const text = describeRepair({ ...repair, problem: 'newer-version', original: { leftInPlace: 'unavailable' } });
    expect(text).toBe(
      'Your saved progress was saved by a newer version of the course. We could read 1 completed lesson; 2 ' +
        'unreadable entries were left out. This browser did not let the course keep a copy of the original, so it ' +
        'was left as it was: changes to your progress on this page will not be saved.',
    );
  });
});

describe('keyedRecord', () => {
  it('keeps "__proto__" as an ordinary key', () => {
    const record = keyedRecord([
      ['__proto__', 1],
      ['toString', 2],
    ]);
    expect(Object.keys(record)).toEqual(['__proto__', 'toString']);
    expect(Object.getPrototypeOf(record)).toBeNull();
    expect(JSON.stringify(record)).toBe('{"__proto__":1,"toString":2}');
  });
});

describe('parseObject', () => {
  it('gives null for text that is not JSON, and for JSON that is not an object', () => {
    expect(parseObject('{"completed": {')).toBeNull();
    expect(parseObject('[1]')).toBeNull();
    expect(parseObject('{"a":1}')).toEqual({ a: 1 });
  });
});

describe('problemOf', () => {
  it('takes only a number above the current version for a newer version', () => {
    expect(problemOf(2, 1, 0)).toBe('newer-version');
    expect(problemOf('7', 1, 0)).toBe('partly-invalid');
    expect(problemOf(1, 1, 0)).toBeUndefined();
  });
});
