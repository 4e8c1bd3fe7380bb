/**
 * What happened to the learner's damaged data, in words. Apart from the stores' own code because it is needed only
 * when there is a repair to report: pages load it then.
 */
import type { DataRepair } from './stored-data';

/** What was kept, and where the original is. */
export function describeRepair({ what, problem, dropped, kept, original }: DataRepair) {
  const cause = problem === 'newer-version' ? 'was saved by a newer version of the course' : 'was damaged';
  const left = `${dropped} unreadable entr${dropped === 1 ? 'y was' : 'ies were'} left out`;
  if ('copiedTo' in original) {
    return `Your saved ${what} ${cause}. We kept ${kept}; ${left}. A copy of the original is kept in this browser under "${original.copiedTo}".`;
  }
  const full = original.leftInPlace === 'full';
  const refused = full
    ? "There is no room in this browser's storage for a copy of the original"
    : 'This browser did not let the course keep a copy of the original';
  return (
    `Your saved ${what} ${cause}. We could read ${kept}; ${left}. ${refused}, so it was left as it was: changes to ` +
    `your ${what} on this page will not be saved.${full ? ' Once there is room, reloading the page repairs it.' : ''}`
  );
}
