/**
 * Assembling a mock exam shaped like the real one: 65 questions drawn by domain weight, none twice. A case study
 * counts as its parts and is drawn whole. While a domain has too few questions, its shortfall is shared among the
 * other domains by weight, and the result says so.
 */
import type { Question } from '../../schemas/quiz';
import { examDomains } from '../exam';
import { shuffled } from './presentation';

export interface DomainDraw {
  domain: number;
  /** Questions the exam's weights ask for. */
  target: number;
  /** Questions the bank has for the domain. */
  available: number;
  /** Questions drawn. */
  drawn: number;
}

export interface AssembledExam {
  questions: Question[];
  /** Scored questions (case studies count their parts). */
  size: number;
  domains: DomainDraw[];
  /** True when some domain had fewer questions than its weight asks for. */
  adapted: boolean;
}

const partsOf = (question: Question) => (question.type === 'case-study' ? question.questions.length : 1);
const domainOf = (question: Question) =>
  // Stryker disable next-line OptionalChaining: the schema gives every case study two or more questions.
  question.type === 'case-study' ? (question.questions[0]?.domain ?? 0) : question.domain;

/** Splits a whole number by weights so the parts add up exactly (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const exact = weights.map((weight) => (total * weight) / sum);
  const parts = exact.map(Math.floor);
  // Sorting is stable: among equal remainders, the first listed comes first.
  const order = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder);
  // Each remainder is below 1, so no more places are left over than there are weights.
  const leftover = total - parts.reduce((a, b) => a + b, 0);
  for (const { index } of order.slice(0, leftover)) parts[index] = (parts[index] ?? 0) + 1;
  return parts;
}

export function assembleExam(
  bank: readonly Question[],
  { size = 65, seed }: { size?: number; seed: number },
): AssembledExam {
  const pools = examDomains.map((domain) => ({
    weight: domain.weight,
    questions: shuffled(
      bank.filter((question) => domainOf(question) === domain.id),
      // Stryker disable next-line ArithmeticOperator: any seed of its own per domain shuffles as well as another.
      seed + domain.id,
    ),
  }));
  const available = pools.map(({ questions }) => questions.reduce((sum, question) => sum + partsOf(question), 0));
  const targets = apportion(
    size,
    examDomains.map((domain) => domain.weight),
  );

  // Give each domain what it can have; share what is missing among domains with questions to spare, by weight.
  const quota = targets.map((target, index) => Math.min(target, available[index] ?? 0));
  for (let missing = size - quota.reduce((a, b) => a + b, 0); missing > 0;) {
    const spare = examDomains.map((domain, index) =>
      (available[index] ?? 0) > (quota[index] ?? 0) ? domain.weight : 0,
    );
    if (spare.every((weight) => weight === 0)) break;
    const extra = apportion(missing, spare);
    extra.forEach((count, index) => (quota[index] = Math.min((quota[index] ?? 0) + count, available[index] ?? 0)));
    missing = size - quota.reduce((a, b) => a + b, 0);
  }

  const drawn: Question[] = [];
  const counts: number[] = [];
  const passedOver = pools.map(({ weight, questions }, index) => {
    const passed: Question[] = [];
    let count = 0;
    for (const question of questions) {
      if (count + partsOf(question) > (quota[index] ?? 0)) {
        passed.push(question);
        continue;
      }
      drawn.push(question);
      count += partsOf(question);
    }
    counts.push(count);
    return { index, weight, passed };
  });
  // A case study too big for what is left of its domain's quota was passed over, leaving the exam short: the gap is
  // filled from the questions passed over, heaviest domains first (the first listed among equals: sorting is stable),
  // so the exam has `size` questions when it can.
  let gap = size - counts.reduce((a, b) => a + b, 0);
  passedOver.sort((a, b) => b.weight - a.weight);
  for (const { index, passed } of passedOver)
    for (const question of passed) {
      if (partsOf(question) > gap) continue;
      drawn.push(question);
      counts[index] = (counts[index] ?? 0) + partsOf(question);
      gap -= partsOf(question);
    }
  const domains = examDomains.map((domain, index) => ({
    domain: domain.id,
    target: targets[index] ?? 0,
    available: available[index] ?? 0,
    drawn: counts[index] ?? 0,
  }));
  return {
    questions: shuffled(drawn, seed),
    size: domains.reduce((sum, domain) => sum + domain.drawn, 0),
    domains,
    adapted: domains.some((domain) => domain.available < domain.target),
  };
}
