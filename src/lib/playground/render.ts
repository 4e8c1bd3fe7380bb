/**
 * Model output shown as Markdown. A model's text is untrusted: micromark with its default options escapes raw
 * HTML and drops dangerous link targets (javascript:, data: and the like), so what a model writes can format the
 * answer but never run in the page.
 */
import { micromark } from 'micromark';

export function renderAnswer(markdown: string) {
  return micromark(markdown);
}
