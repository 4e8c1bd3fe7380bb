/** Describes a keyboard event for the quiz shortcuts in src/lib/quiz/keyboard.ts, and moves focus between options. */
import type { KeyPress } from '../../lib/quiz/keyboard';

const isChoice = (target: EventTarget | null): target is HTMLInputElement =>
  target instanceof HTMLInputElement && (target.type === 'radio' || target.type === 'checkbox');

export function keyPress(event: KeyboardEvent): KeyPress {
  const target = event.target as HTMLElement;
  return {
    key: event.key,
    target:
      target.tagName === 'SELECT'
        ? 'select'
        : isChoice(target)
          ? 'choice'
          : target.tagName === 'BUTTON'
            ? 'button'
            : 'other',
    modified: event.ctrlKey || event.metaKey || event.altKey,
  };
}

/** Focuses the option `by` places from the focused one, in the same list, without choosing it. */
export function focusNeighbourChoice(event: KeyboardEvent, by: 1 | -1) {
  if (!isChoice(event.target)) return;
  const options = [...(event.target.closest('fieldset')?.querySelectorAll('input') ?? [])];
  options[options.indexOf(event.target) + by]?.focus();
}
