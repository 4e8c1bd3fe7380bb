/** A labelled slider with its value shown beside the label, for the widgets' numeric settings. */
export default function RangeControl(props: {
  id: string;
  label: string;
  min?: number;
  max: number;
  step: number;
  value: number;
  /** How the value reads beside the label. */
  format?: (value: number) => string;
  onChange: (value: number) => void;
}) {
  return (
    <div class="range-control">
      <label for={props.id}>{props.label}</label>
      <output for={props.id}>{props.format ? props.format(props.value) : String(props.value)}</output>
      <input
        id={props.id}
        type="range"
        min={props.min ?? 0}
        max={props.max}
        step={props.step}
        value={props.value}
        onInput={(event) => props.onChange(Number(event.currentTarget.value))}
      />
    </div>
  );
}
