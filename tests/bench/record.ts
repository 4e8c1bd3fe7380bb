/** Collects benchmark figures into bench-results/runtime.json, which scripts/bench.mjs prints. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const file = join(import.meta.dirname, '..', '..', 'bench-results', 'runtime.json');

export function record(group: string, name: string, value: number, unit: string) {
  mkdirSync(join(file, '..'), { recursive: true });
  let figures: { group: string; name: string; value: number; unit: string }[] = [];
  try {
    figures = JSON.parse(readFileSync(file, 'utf8')) as typeof figures;
  } catch {
    // First figure of this run.
  }
  writeFileSync(
    file,
    JSON.stringify(
      [...figures.filter((f) => f.group !== group || f.name !== name), { group, name, value, unit }],
      null,
      2,
    ),
  );
}

/** Operations per second from a benchmark result. */
export function perSecond(result: { throughput: { mean: number } }) {
  return result.throughput.mean;
}
