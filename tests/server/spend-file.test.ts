/** The spend file that carries the day's Bedrock spending across restarts of the server. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { readSpendFile, spendFileWriter } from '../../src/server/playground/spend-file';

const folder = () => mkdtempSync(join(tmpdir(), 'aif-c01-spend-'));

describe('the spend file', () => {
  const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
  afterEach(() => logged.mockClear());

  test('is written whole, in a folder made for it, and read back', () => {
    const path = join(folder(), 'data', 'spend.json');
    expect(readSpendFile(path)).toBeUndefined();
    spendFileWriter(path)({ day: '2026-11-22', spentUsd: 0.25 });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ day: '2026-11-22', spentUsd: 0.25 });
    expect(readSpendFile(path)).toEqual({ day: '2026-11-22', spentUsd: 0.25 });
    // Nothing is reported when all is well, not even a missing file.
    expect(logged).not.toHaveBeenCalled();
  });

  test('a damaged file is reported, naming it, and counts as nothing spent', () => {
    for (const content of ['{"day":', '{"day":"yesterday","spentUsd":1}', '{"day":"2026-11-22","spentUsd":-1}', '[]']) {
      const path = join(folder(), 'spend.json');
      writeFileSync(path, content);
      expect(readSpendFile(path)).toBeUndefined();
      expect(logged).toHaveBeenLastCalledWith(expect.stringContaining(`the spend file ${path} is damaged`));
    }
  });

  test('a file that cannot be written is reported once, and the server goes on', () => {
    const blocker = join(folder(), 'not-a-folder');
    writeFileSync(blocker, '');
    const write = spendFileWriter(join(blocker, 'spend.json'));
    expect(() => {
      write({ day: '2026-11-22', spentUsd: 0.1 });
      write({ day: '2026-11-22', spentUsd: 0.2 });
    }).not.toThrow();
    expect(logged).toHaveBeenCalledTimes(1);
    expect(logged.mock.calls[0]?.[0]).toMatch(/cannot write the spend file .* kept in memory only/);
  });
});
