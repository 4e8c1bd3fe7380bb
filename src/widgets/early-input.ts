/**
 * A lesson's widgets show as server-rendered HTML at once and come alive (hydrate) when their JavaScript has loaded.
 * A learner can move a slider or pick from a menu in between; Preact's hydration keeps what the control shows but
 * does not tell the component, so the value would jump back at the next render. This hook replays such changes.
 */
import type { RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** True when the learner changed the control since the server rendered it. */
function changedBeforeHydration(control: HTMLInputElement | HTMLSelectElement) {
  if (control instanceof HTMLSelectElement)
    return [...control.options].some((option) => option.selected !== option.defaultSelected);
  if (control.type === 'checkbox' || control.type === 'radio') return control.checked !== control.defaultChecked;
  return control.value !== control.defaultValue;
}

/**
 * Once the widget in `root` has hydrated, sends every control the learner changed before then the events a change
 * sends, in page order, so the widget takes it up as if it were made now. Returns whether the widget is live: buttons
 * stay disabled until then, because a press cannot be replayed.
 */
export function useEarlyInput(root: RefObject<HTMLElement>) {
  const [live, setLive] = useState(false);
  useEffect(() => {
    for (const control of root.current?.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select') ?? [])
      if (changedBeforeHydration(control)) {
        control.dispatchEvent(new Event('input', { bubbles: true }));
        control.dispatchEvent(new Event('change', { bubbles: true }));
      }
    setLive(true);
  }, []);
  return live;
}
