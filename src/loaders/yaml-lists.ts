/**
 * A content loader for YAML files that each hold a list of entries with an `id`, such as the glossary, which is
 * split into one file per section so that sections can be written side by side. Any fault stops the build with
 * the file's name: invalid YAML, an entry without an id, or an id defined twice.
 */
import { glob, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import type { Loader } from 'astro/loaders';

export function yamlLists(pattern: string): Loader {
  return {
    name: 'yaml-lists',
    load: async ({ store, parseData, config }) => {
      const root = fileURLToPath(config.root);
      const files = (await Array.fromAsync(glob(pattern, { cwd: root }))).sort();
      const definedIn = new Map<string, string>();
      store.clear();
      for (const file of files) {
        let items: unknown;
        try {
          items = yaml.load(await readFile(join(root, file), 'utf8'), { filename: file });
        } catch (error) {
          throw new Error(`${file}: not valid YAML: ${(error as Error).message}`, { cause: error });
        }
        if (!Array.isArray(items)) throw new Error(`${file}: expected a list of entries, each with an id`);
        for (const [index, item] of items.entries()) {
          const { id, ...data } = (item ?? {}) as Record<string, unknown>;
          if (typeof id !== 'string' || id === '') throw new Error(`${file}: entry ${index + 1}: id: missing`);
          const earlier = definedIn.get(id);
          if (earlier) throw new Error(`${file}: id: "${id}" is already defined in ${earlier}`);
          definedIn.set(id, file);
          store.set({ id, data: await parseData({ id, data, filePath: file }), filePath: file });
        }
      }
    },
  };
}
