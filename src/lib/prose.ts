/** Measures of a lesson's prose: what a reader reads, without front matter, code, diagrams or markup. */

export function proseOf(mdx: string) {
  return mdx
    .replace(/^---[\s\S]*?\n---\n/, '')
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/^import .*/gm, '')
    .replace(/<[^>]+>/g, ' ');
}

export function wordCount(text: string) {
  return (text.match(/[A-Za-z0-9][A-Za-z0-9'’-]*/g) ?? []).length;
}
