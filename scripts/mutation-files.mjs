/**
 * After `stryker run`: prints the mutation score of each mutated file from reports/mutation/mutation.json and fails
 * when any file is under 80% (Stryker's own threshold covers only the overall score). The score counts killed and
 * timed-out mutants over all valid ones; a mutant no test reaches counts as survived.
 */
import { readFile } from 'node:fs/promises';

const FILE_MINIMUM = 80;
const report = JSON.parse(await readFile('reports/mutation/mutation.json', 'utf8'));
const caught = new Set(['Killed', 'Timeout']);
const counted = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);

const rows = Object.entries(report.files).map(([file, { mutants }]) => {
  const valid = mutants.filter((mutant) => counted.has(mutant.status));
  const killed = valid.filter((mutant) => caught.has(mutant.status)).length;
  // Ignored mutants are either static ones left out by "ignoreStatic" or ones disabled by a comment with a reason.
  const ignored = mutants.filter(
    (mutant) => mutant.status === 'Ignored' && !/^Static mutant/.test(mutant.statusReason ?? ''),
  ).length;
  return { file, valid: valid.length, killed, ignored, score: valid.length ? (killed / valid.length) * 100 : 100 };
});
rows.sort((a, b) => a.score - b.score);
const total = rows.reduce((sum, row) => sum + row.valid, 0);
const killed = rows.reduce((sum, row) => sum + row.killed, 0);
const ignored = rows.reduce((sum, row) => sum + row.ignored, 0);

for (const row of rows)
  console.log(`${row.score.toFixed(1).padStart(6)}%  ${String(row.killed).padStart(4)}/${row.valid}  ${row.file}`);
console.log(
  `\nOverall ${((killed / total) * 100).toFixed(1)}% (${killed} of ${total} mutants caught); ` +
    `${ignored} disabled by comment (${((ignored / (total + ignored)) * 100).toFixed(1)}% of all).`,
);
const weak = rows.filter((row) => row.score < FILE_MINIMUM);
if (weak.length > 0) {
  console.error(`\n${weak.length} file(s) under ${FILE_MINIMUM}%: ${weak.map((row) => row.file).join(', ')}`);
  process.exit(1);
}
