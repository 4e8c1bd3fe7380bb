/**
 * Checks of the built pages in dist/client (built by `npm test` before the browser tests) that need no browser:
 * links resolve, and diagrams are intact.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';

const site = join(import.meta.dirname, '..', '..', 'dist', 'client');

function htmlFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'pagefind' ? [] : htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

/** The page address a built file answers at. */
function pagePath(file: string) {
  const path = `/${relative(site, file).replaceAll('\\', '/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/** The built file behind an internal address, if there is one. */
function fileFor(pathname: string) {
  const candidates = pathname.endsWith('/') ? [`${pathname}index.html`] : [pathname, `${pathname}/index.html`];
  return candidates.map((candidate) => join(site, decodeURIComponent(candidate))).find((path) => existsSync(path));
}

const ids = (html: string) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]));
const SERVER_ROUTES = ['/api/health'];

test('every internal link and fragment in the built site resolves', () => {
  expect(existsSync(site), 'run "npm run build" first').toBe(true);
  const files = htmlFiles(site);
  expect(files.length).toBeGreaterThan(5);
  const broken: string[] = [];
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    const base = new URL(pagePath(file), 'http://site.local');
    for (const [, attribute] of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
      const url = new URL(attribute ?? '', base);
      if (url.origin !== base.origin || SERVER_ROUTES.includes(url.pathname)) continue;
      const target = fileFor(url.pathname);
      if (!target) {
        broken.push(`${pagePath(file)} → ${attribute}: no such page or file`);
      } else if (
        url.hash &&
        target.endsWith('.html') &&
        !ids(readFileSync(target, 'utf8')).has(decodeURIComponent(url.hash.slice(1)))
      ) {
        broken.push(`${pagePath(file)} → ${attribute}: no element with that id`);
      }
    }
  }
  expect(broken).toEqual([]);
});

test('every inline diagram keeps its labels inside the SVG', () => {
  // A Markdown block (a paragraph or list) inside an SVG makes the browser close the SVG early and spill its labels.
  const broken: string[] = [];
  for (const file of htmlFiles(site)) {
    for (const [svg] of readFileSync(file, 'utf8').matchAll(/<svg[\s\S]*?<\/svg>/g)) {
      const block = /<(p|ol|ul|li|div|h[1-6])[\s>]/.exec(svg);
      if (block)
        broken.push(
          `${pagePath(file)}: <${block[1]}> inside <svg> near "${svg.slice(Math.max(0, block.index - 60), block.index + 40)}"`,
        );
    }
  }
  expect(broken).toEqual([]);
});
