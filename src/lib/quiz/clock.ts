/** The mock exam's clock: time left until the deadline, shown as minutes and seconds. */

export function millisecondsLeft(deadline: string | undefined, now: Date) {
  return deadline === undefined ? Infinity : Math.max(0, Date.parse(deadline) - now.getTime());
}

/** "89:05" for 89 minutes 5 seconds; rounds up so 0:00 only shows when time is really up. */
export function formatClock(milliseconds: number) {
  const seconds = Math.ceil(milliseconds / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** The same time in words, for screen readers. */
export function describeClock(milliseconds: number) {
  const minutes = Math.ceil(milliseconds / 60_000);
  return minutes <= 1 ? 'less than a minute left' : `${minutes} minutes left`;
}
