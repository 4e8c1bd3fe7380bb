/**
 * The day's Bedrock spending kept in a small JSON file, so that restarting the server (or a crash and an automatic
 * restart) does not reset the daily spend cap. A missing file means nothing was spent yet; a damaged or unreadable
 * file, or one that cannot be written, is reported in the log and the cap then counts from this run.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseSpendRecord, type SpendRecord } from '../../lib/playground-cost';

const codeOf = (error: unknown) =>
  error instanceof Error && 'code' in error ? String(error.code) : error instanceof Error ? error.message : 'error';

/** The record in the file, or undefined when there is none that can be used. */
export function readSpendFile(path: string): SpendRecord | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (codeOf(error) !== 'ENOENT')
      console.error(
        `Playground: cannot read the spend file ${path} (${codeOf(error)}); today's spending counts from $0.`,
      );
    return undefined;
  }
  const record = parseSpendRecord(text);
  if (record) return record;
  console.error(
    `Playground: the spend file ${path} is damaged; today's spending counts from $0 and the file is rewritten.`,
  );
  return undefined;
}

/** A function that writes a record to the file (whole or not at all); a failure is logged once, never thrown. */
export function spendFileWriter(path: string) {
  let failing = false;
  return (record: SpendRecord) => {
    try {
      mkdirSync(dirname(path), { recursive: true });
      const partial = `${path}.${process.pid}.tmp`;
      writeFileSync(partial, JSON.stringify(record));
      renameSync(partial, path);
      failing = false;
    } catch (error) {
      if (!failing)
        console.error(
          `Playground: cannot write the spend file ${path} (${codeOf(error)}); today's spending is kept in memory only.`,
        );
      failing = true;
    }
  };
}
