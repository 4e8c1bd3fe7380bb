/**
 * Faults that clients cause and that are expected on any public server (an upload abandoned halfway, a connection
 * dropped) are worth a line in the log, not a stack trace each: a flood of them must not bury everything else.
 */

/** At most one line per kind of fault in this many milliseconds; the line says how many were left out. */
const INTERVAL_MS = 60_000;

export type ClientFaultLog = (fault: string) => void;

/** A logger that prints `fault` at most once per interval, counting the ones it kept quiet about. */
export function rateLimitedLog(
  print: (line: string) => void = console.warn,
  now: () => number = Date.now,
  intervalMs = INTERVAL_MS,
): ClientFaultLog {
  const kinds = new Map<string, { lastPrinted: number; unprinted: number }>();
  return (fault) => {
    const at = now();
    const kind = kinds.get(fault);
    if (kind && at - kind.lastPrinted < intervalMs) {
      kind.unprinted++;
      return;
    }
    const more = kind?.unprinted ? ` (and ${kind.unprinted} more since the last report)` : '';
    print(`Client fault: ${fault}${more}.`);
    kinds.set(fault, { lastPrinted: at, unprinted: 0 });
  };
}

/** The server's own log of client faults. */
export const logClientFault = rateLimitedLog();
