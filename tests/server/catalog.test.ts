import { describe, expect, test } from 'vitest';
import { BUILT_IN_MODEL_ID } from '../../src/lib/chat-protocol';
import { catalog, parseCatalog } from '../../src/server/playground/catalog';
import catalogFile from '../../src/server/playground/catalog.json';

const clone = () => structuredClone(catalogFile) as { models: Record<string, unknown>[] };

describe('model catalog', () => {
  test('the shipped catalog lists the built-in model first, free, then Bedrock models with dated prices', () => {
    expect(catalog[0]?.id).toBe(BUILT_IN_MODEL_ID);
    expect(catalog[0]?.price).toMatchObject({ inputPer1k: 0, outputPer1k: 0 });
    const bedrock = catalog.slice(1);
    expect(new Set(bedrock.map((model) => model.provider))).toEqual(
      new Set(['Amazon', 'Anthropic', 'Meta', 'Mistral AI']),
    );
    for (const model of bedrock) {
      expect(model.price.source).toMatch(/^https:\/\/aws\.amazon\.com\/bedrock\/pricing/);
      expect(model.price.outputPer1k).toBeGreaterThan(0);
      // Output tokens cost at least as much as input tokens on every listed model.
      expect(model.price.outputPer1k).toBeGreaterThanOrEqual(model.price.inputPer1k);
    }
  });

  test('a malformed entry fails loudly, naming the field', () => {
    const broken = clone();
    (broken.models[2] as { price: { inputPer1k: unknown } }).price.inputPer1k = '0.00006';
    expect(() => parseCatalog(broken)).toThrow(/models\.2\.price\.inputPer1k: .*number/);

    const range = clone();
    (range.models[1] as { temperature: { default: number } }).temperature.default = 3;
    expect(() => parseCatalog(range)).toThrow(/models\.1\.temperature: needs min ≤ default ≤ max/);

    const noField = clone();
    delete (noField.models[4] as { topK: { requestField?: string } }).topK.requestField;
    expect(() => parseCatalog(noField)).toThrow(/models\.4\.topK\.requestField: a Bedrock model with top-k needs/);

    const builtInLast = clone();
    builtInLast.models.reverse();
    expect(() => parseCatalog(builtInLast)).toThrow(/models\.0\.id: must be "course-lm"/);

    const twice = clone();
    twice.models.push(twice.models[1] as Record<string, unknown>);
    expect(() => parseCatalog(twice)).toThrow(/is listed twice/);

    const badDate = clone();
    (badDate.models[1] as { price: { asOf: string } }).price.asOf = 'November 2026';
    expect(() => parseCatalog(badDate)).toThrow(/models\.1\.price\.asOf/);
  });
});
