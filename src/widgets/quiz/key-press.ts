/** Describes a keyboard event for the quiz shortcuts in src/lib/quiz/keyboard.ts. */
import type { KeyPress } from '../../lib/quiz/keyboard';

export function keyPress(event: KeyboardEvent): KeyPress {
  const target = event.target as HTMLElement;
  return {
    key: event.key,
    target:
      target.tagName === 'SELECT'
        ? 'select'
        : target instanceof HTMLInputElement && target.type === 'radio'
          ? 'radio'
          : target.tagName === 'BUTTON'
            ? 'button'
            : 'other',
    modified: event.ctrlKey || event.metaKey || event.altKey,
  };
}
