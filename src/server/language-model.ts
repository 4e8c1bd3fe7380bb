/** The built-in language model on the server: loaded once, on first use. */
import { LanguageModel } from '../lib/language-model';
import type { SerializedModel } from '../lib/language-model-training';

let model: Promise<LanguageModel> | undefined;

export function courseLanguageModel() {
  model ??= import('./course-lm.json').then(
    (module) => new LanguageModel(module.default as unknown as SerializedModel),
  );
  return model;
}
