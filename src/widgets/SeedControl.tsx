/** A labelled field for a random seed: whatever is typed becomes a valid seed (see seedFrom). */
import { seedFrom } from '../lib/seed';

export default function SeedControl(props: { label: string; value: number; onChange: (seed: number) => void }) {
  return (
    <label>
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
