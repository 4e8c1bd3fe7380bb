/** The quiz's keyboard shortcuts, shown under the question so that keyboard users need not guess them. */
export function KeyHints({ enter, flag = false }: { enter: string; flag?: boolean }) {
  return (
    <ul class="quiz__keys" aria-label="Keyboard shortcuts">
      <li>
        <kbd>1</kbd>–<kbd>9</kbd> or <kbd>Space</kbd> choose an option
      </li>
      <li>
        <kbd>↑</kbd> <kbd>↓</kbd> move between options without choosing
      </li>
      <li>
        <kbd>←</kbd> <kbd>→</kbd> previous or next question, wherever you are
      </li>
      {flag && (
        <li>
          <kbd>F</kbd> flag
        </li>
      )}
      <li>
        <kbd>Enter</kbd> {enter}
      </li>
    </ul>
  );
}
