/** One lane's model and inference parameters, each control limited to what the chosen model accepts. */
import {
  BUILT_IN_MODEL_ID,
  MAX_STOP_SEQUENCE_CHARS,
  MAX_STOP_SEQUENCES,
  type ModelInfo,
  type ParameterRange,
} from '../../lib/chat-protocol';
import RangeControl from '../RangeControl';
import { randomnessControl, type LaneSettings } from '../../lib/playground/settings';

interface Props {
  id: string;
  legend: string;
  lane: LaneSettings;
  model: ModelInfo;
  models: readonly ModelInfo[];
  onChange: (lane: LaneSettings) => void;
  onModel: (model: ModelInfo) => void;
}

/** A parameter's name with the range the chosen model accepts, e.g. "Temperature (0 to 1)". */
const rangeLabel = (name: string, range: ParameterRange) => `${name} (${range.min} to ${range.max})`;

export default function LaneControls({ id, legend, lane, model, models, onChange, onModel }: Props) {
  const set = (changes: Partial<LaneSettings>) => onChange({ ...lane, ...changes });
  const stops = lane.stopSequences;
  const control = randomnessControl(lane, model);
  return (
    <fieldset class="playground__lane">
      <legend>{legend}</legend>
      <div class="playground__field playground__field--wide">
        <label for={`${id}-model`}>Model</label>
        <select
          id={`${id}-model`}
          value={model.id}
          onChange={(event) => {
            const next = models.find((candidate) => candidate.id === event.currentTarget.value);
            if (next) onModel(next);
          }}
        >
          {models.map((option) => (
            <option value={option.id} disabled={!option.available}>
              {option.name}
              {option.available ? '' : ' (unavailable)'}
            </option>
          ))}
        </select>
      </div>
      {control !== 'both' && (
        <fieldset class="playground__choice playground__field--wide">
          <legend>{model.name} takes temperature or top-p, not both. Send:</legend>
          {(['temperature', 'topP'] as const).map((randomness) => (
            <label>
              <input
                type="radio"
                name={`${id}-randomness`}
                checked={control === randomness}
                onChange={() => set({ randomness })}
              />
              {randomness === 'topP' ? 'Top-p' : 'Temperature'}
            </label>
          ))}
        </fieldset>
      )}
      {control !== 'topP' && (
        <RangeControl
          id={`${id}-temperature`}
          label={rangeLabel('Temperature', model.temperature)}
          min={model.temperature.min}
          max={model.temperature.max}
          step={0.05}
          value={lane.temperature}
          onChange={(temperature) => set({ temperature })}
        />
      )}
      {control !== 'temperature' && (
        <RangeControl
          id={`${id}-top-p`}
          label={rangeLabel('Top-p', model.topP)}
          min={model.topP.min}
          max={model.topP.max}
          step={0.01}
          value={lane.topP}
          onChange={(topP) => set({ topP })}
        />
      )}
      {model.topK && (
        <RangeControl
          id={`${id}-top-k`}
          label={rangeLabel('Top-k', model.topK)}
          min={model.topK.min}
          max={model.topK.max}
          step={1}
          value={lane.topK}
          onChange={(topK) => set({ topK })}
        />
      )}
      <div class="playground__field">
        <label for={`${id}-max-tokens`}>Max tokens</label>
        <input
          id={`${id}-max-tokens`}
          type="number"
          inputMode="numeric"
          min={model.maxTokens.min}
          max={model.maxTokens.max}
          step="1"
          value={lane.maxTokens}
          onChange={(event) => set({ maxTokens: Number(event.currentTarget.value) })}
        />
      </div>
      {model.id === BUILT_IN_MODEL_ID && (
        <div class="playground__field">
          <label for={`${id}-seed`}>Seed</label>
          <input
            id={`${id}-seed`}
            type="number"
            inputMode="numeric"
            min="0"
            step="1"
            value={lane.seed}
            onChange={(event) => set({ seed: Number(event.currentTarget.value) })}
          />
        </div>
      )}
      <fieldset class="playground__stops">
        <legend>
          Stop sequences <span class="playground__hint">(up to {MAX_STOP_SEQUENCES})</span>
        </legend>
        {stops.map((sequence, index) => (
          <div class="playground__stop">
            <label class="visually-hidden" for={`${id}-stop-${index}`}>
              Stop sequence {index + 1}
            </label>
            <input
              id={`${id}-stop-${index}`}
              type="text"
              maxLength={MAX_STOP_SEQUENCE_CHARS}
              value={sequence}
              onInput={(event) =>
                set({ stopSequences: stops.map((old, at) => (at === index ? event.currentTarget.value : old)) })
              }
            />
            <button
              type="button"
              class="button button--quiet"
              onClick={() => set({ stopSequences: stops.filter((_, at) => at !== index) })}
            >
              Remove<span class="visually-hidden"> stop sequence {index + 1}</span>
            </button>
          </div>
        ))}
        <button
          type="button"
          class="button button--quiet"
          disabled={stops.length >= MAX_STOP_SEQUENCES}
          onClick={() => set({ stopSequences: [...stops, ''] })}
        >
          Add a stop sequence
        </button>
      </fieldset>
    </fieldset>
  );
}
