import { describe, expect, it } from 'vitest';
import { domainTitle, examDomains, taskStatements } from '../../src/lib/exam';

describe('the exam guide', () => {
  it('names each domain by its title, and an unknown one by its number', () => {
    expect(domainTitle(1)).toBe('Fundamentals of AI and ML');
    expect(domainTitle(3)).toBe('Applications of Foundation Models');
    expect(domainTitle(5)).toBe('Security, Compliance, and Governance for AI Solutions');
    expect(domainTitle(9)).toBe('Domain 9');
  });

  it('weighs the five domains 20, 24, 28, 14 and 14 per cent, and lists each domain’s task statements', () => {
    expect(examDomains.map((domain) => domain.weight)).toEqual([20, 24, 28, 14, 14]);
    expect(taskStatements.map((statement) => statement.id)).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '2.1',
      '2.2',
      '2.3',
      '3.1',
      '3.2',
      '3.3',
      '3.4',
      '4.1',
      '4.2',
      '5.1',
      '5.2',
    ]);
  });
});
