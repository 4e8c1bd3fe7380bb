/** A labelled field for a random seed: whatever is typed becomes a valid seed (see seedFrom). */
import { seedFrom } from '../lib/seed';

export default function SeedControl(props: {
  label: string;
  value: number;
  onChange: (seed: number) => void;
  class?: string;
}) {
  return (
    <label class={props.class}>
      <span>{props.label}</span>
      <input
        type="number"
        inputMode="numeric"
        min="0"
        step="1"
        value={props.value}
        onChange={(event) => props.onChange(seedFrom(event.currentTarget.value))}
      />
    </label>
  );
}
