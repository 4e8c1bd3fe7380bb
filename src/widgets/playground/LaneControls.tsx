/** One lane's model and inference parameters, each control limited to what the chosen model accepts. */
import { BUILT_IN_MODEL_ID, type ModelInfo, type ParameterRange } from '../../lib/chat-protocol';
import {
  MAX_STOP_SEQUENCE_CHARS,
  MAX_STOP_SEQUENCES,
  randomnessControl,
  type LaneSettings,
} from '../../lib/playground/settings';

interface Props {
  id: string;
  legend: string;
  lane: LaneSettings;
  model: ModelInfo;
  models: readonly ModelInfo[];
  onChange: (lane: LaneSettings) => void;
  onModel: (model: ModelInfo) => void;
}

export default function LaneControls({ id, legend, lane, model, models, onChange, onModel }: Props) {
  const set = (changes: Partial<LaneSettings>) => onChange({ ...lane, ...changes });
  const stops = lane.stopSequences;
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
      <Slider
        id={`${id}-temperature`}
        label="Temperature"
        range={model.temperature}
        step={0.05}
        value={lane.temperature}
        onChange={(temperature) => set({ temperature })}
      />
      <Slider
        id={`${id}-top-p`}
        label="Top-p"
        range={model.topP}
        step={0.01}
        value={lane.topP}
        onChange={(topP) => set({ topP })}
      />
      {randomnessControl(lane, model) !== 'both' && (
        <p class="playground__hint playground__field--wide">
          {model.name} takes temperature or top-p, not both: top-p is sent when you set it below {model.topP.max}, and
          temperature otherwise. Now sent: {randomnessControl(lane, model) === 'topP' ? 'top-p' : 'temperature'}.
        </p>
      )}
      {model.topK && (
        <Slider
          id={`${id}-top-k`}
          label="Top-k"
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

/** A labelled slider over the model's range, with its value shown beside the label. */
function Slider(props: {
  id: string;
  label: string;
  range: ParameterRange;
  step: number;
  value: number;
  onChange: (value: number) => void;
}) {
  return (
    <div class="playground__field playground__slider">
      <label for={props.id}>{props.label}</label>
      <output for={props.id}>{props.value}</output>
      <input
        id={props.id}
        type="range"
        min={props.range.min}
        max={props.range.max}
        step={props.step}
        value={props.value}
        aria-describedby={`${props.id}-range`}
        onInput={(event) => props.onChange(Number(event.currentTarget.value))}
      />
      <span id={`${props.id}-range`} class="playground__hint">
        {props.range.min} to {props.range.max}
      </span>
    </div>
  );
}
