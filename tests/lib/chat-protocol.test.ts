import { describe, expect, it, vi } from 'vitest';
import catalog from '../../src/server/playground/catalog.json';

describe('chat protocol', () => {
  it('names the built-in model by the id the server’s catalog lists first', async () => {
    // Imported inside the test, so that mutation testing counts this test as reading the constant.
    vi.resetModules();
    const { BUILT_IN_MODEL_ID } = await import('../../src/lib/chat-protocol');
    expect(BUILT_IN_MODEL_ID).toBe(catalog.models[0]?.id);
  });
});
