/** One lane's model and inference parameters, each control limited to what the chosen model accepts. */
import {
  BUILT_IN_MODEL_ID,
  MAX_STOP_SEQUENCE_CHARS,
  MAX_STOP_SEQUENCES,
  type ModelInfo,
  type ParameterRange,
} from '../../lib/chat-protocol';
import RangeControl from '../RangeControl';
import SeedControl from '../SeedControl';
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

/** A slider over the range the chosen model accepts, labelled with it, e.g. "Temperature (0 to 1)". */
function ParameterSlider(props: {
  id: string;
  name: string;
  range: ParameterRange;
  step: number;
  value: number;
  onChange: (value: number) => void;
}) {
  const { range } = props;
  return (
    <RangeControl
      id={props.id}
      label={`${props.name} (${range.min} to ${range.max})`}
      min={range.min}
      max={range.max}
      step={props.step}
      value={props.value}
      onChange={props.onChange}
    />
  );
}

export default function LaneControls({ id, legend, lane, model, models, onChange, onModel }: Props) {
  const set = (changes: Partial<LaneSettings>) => onChange({ ...lane, ...changes });
  const stops = lane.stopSequences;
  const control = randomnessControl(lane, model);
  const builtIn = model.id === BUILT_IN_MODEL_ID;
  return (
    <fieldset class="playground__lane">
      <legend>{legend}</legend>
      <div class="playground__field playground__field--wide">
        <label for={`${id}-model`}>Model</label>
        <select
          id={`${id}-model`}
          aria-describedby={builtIn ? `${id}-model-note` : undefined}
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
        {builtIn && (
          <p id={`${id}-model-note`} class="playground__hint">
            A small word-trigram model trained on this course and the Brown Corpus: it writes fluent-sounding sentences,
            but it knows no facts and checks nothing. That suits this page: it is free, always on, and shows for every
            word the words it weighed, so you see temperature, top-k and top-p at work.
          </p>
        )}
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
        <ParameterSlider
          id={`${id}-temperature`}
          name="Temperature"
          range={model.temperature}
          step={0.05}
          value={lane.temperature}
          onChange={(temperature) => set({ temperature })}
        />
      )}
      {control !== 'temperature' && (
        <ParameterSlider
          id={`${id}-top-p`}
          name="Top-p"
          range={model.topP}
          step={0.01}
          value={lane.topP}
          onChange={(topP) => set({ topP })}
        />
      )}
      {model.topK && (
        <ParameterSlider
          id={`${id}-top-k`}
          name="Top-k"
          range={model.topK}
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
      {builtIn && (
        <SeedControl class="playground__field" label="Seed" value={lane.seed} onChange={(seed) => set({ seed })} />
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
