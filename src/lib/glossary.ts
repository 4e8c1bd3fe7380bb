/** The glossary's A–Z grouping and its filter, shared by the page (at build time) and its script (in the browser). */

/** The letter a term is filed under: its first letter, or "#" for a digit or symbol. */
export function initialOf(term: string) {
  const initial = term.normalize('NFD').charAt(0).toUpperCase();
  return /[A-Z]/.test(initial) ? initial : '#';
}

/** Terms grouped by initial, in the order given (already sorted). */
export function byInitial<T extends { term: string }>(terms: T[]) {
  const groups = new Map<string, T[]>();
  for (const entry of terms) {
    const initial = initialOf(entry.term);
    groups.set(initial, [...(groups.get(initial) ?? []), entry]);
  }
  return [...groups].map(([letter, entries]) => ({ letter, entries }));
}

/** Folds case and accents, so "modele" finds "Modèle". */
function fold(text: string) {
  const unaccented = text.normalize('NFD').replace(/\p{Diacritic}/gu, '');
  // Stryker disable next-line MethodExpression: folding to upper case would match the same terms
  return unaccented.toLowerCase();
}

/** Whether a text (a term's name) holds every word of the filter, in any order. */
export function matchesFilter(text: string, filter: string) {
  const haystack = fold(text);
  return (fold(filter).match(/\S+/g) ?? []).every((word) => haystack.includes(word));
}
