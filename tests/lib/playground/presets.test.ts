import { describe, expect, it } from 'vitest';
import { presetFromSearch, presets, presetSettings } from '../../../src/lib/playground/presets';
import { builtIn, haiku, novaLite } from './fixtures';

describe('presetFromSearch', () => {
  it('finds the preset a lesson links to', () => {
    expect(presetFromSearch('?preset=temperature-0-vs-1').preset?.title).toBe('The same prompt at temperature 0 and 1');
  });

  it('says so when the preset does not exist, and lists the ones that do', () => {
    const { preset, problem } = presetFromSearch('?preset=nope');
    expect(preset).toBeUndefined();
    expect(problem).toBe(
      'There is no preset called "nope", so the playground opened with its usual setup. Presets: ' +
        'temperature-0-vs-1, top-p, system-prompt, stop-sequence.',
    );
  });

  it('gives nothing without a preset, or with an empty one', () => {
    expect(presetFromSearch('')).toEqual({});
    expect(presetFromSearch('?preset=')).toEqual({});
  });
});

describe('presetSettings', () => {
  const byId = (id: string) => {
    const preset = presets.find((candidate) => candidate.id === id);
    if (!preset) throw new Error(id);
    return preset;
  };

  it('sets up temperature 0 against 1 on the built-in model in compare mode', () => {
    const settings = presetSettings(byId('temperature-0-vs-1'), [builtIn, haiku]);
    expect(settings?.compare).toBe(true);
    expect(settings?.lanes.map((lane) => [lane.modelId, lane.temperature])).toEqual([
      [builtIn.id, 0],
      [builtIn.id, 1],
    ]);
  });

  it('puts the stop sequence on one side only', () => {
    const settings = presetSettings(byId('stop-sequence'), [builtIn]);
    expect(settings?.lanes.map((lane) => lane.stopSequences)).toEqual([[], ['.']]);
  });

  it('uses a Bedrock model for the system prompt when one can run, and the built-in model otherwise', () => {
    const preset = byId('system-prompt');
    expect(presetSettings(preset, [builtIn, novaLite, haiku])?.lanes[0].modelId).toBe(haiku.id);
    expect(presetSettings(preset, [builtIn, novaLite])?.lanes[0].modelId).toBe(builtIn.id);
    expect(presetSettings(preset, [builtIn])?.system).toMatch(/tutor/);
  });

  it('gives no settings when the server can run no model', () => {
    expect(presetSettings(byId('temperature-0-vs-1'), [novaLite])).toBeNull();
    expect(presetSettings(byId('system-prompt'), [])).toBeNull();
  });

  it('every preset has a prompt and a note, and a unique id', () => {
    expect(new Set(presets.map((preset) => preset.id)).size).toBe(presets.length);
    for (const preset of presets) {
      expect(preset.prompt.length).toBeGreaterThan(0);
      expect(preset.note.length).toBeGreaterThan(40);
    }
  });
});
