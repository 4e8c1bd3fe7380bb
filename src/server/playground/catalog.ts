/**
 * The playground's model catalog: the built-in model and the Bedrock text models offered, checked against a schema
 * when the server loads it, so a malformed entry stops the server with the field at fault instead of misleading
 * the browser later.
 */
import { z } from 'astro/zod';
import { BUILT_IN_MODEL_ID } from '../../lib/chat-protocol';
import catalogFile from './catalog.json';

/** A range's default lies within it. */
const defaultInRange = [
  (range: { min: number; max: number; default: number }) => range.min <= range.default && range.default <= range.max,
  { message: 'needs min ≤ default ≤ max' },
] as const;

/** A numeric parameter's valid range for one model. */
const parameterRange = z
  .object({
    /** Smallest value the model accepts. */
    min: z.number(),
    /** Largest value the model accepts. */
    max: z.number(),
    /** The value the playground starts from; the model's own default where its documentation gives one. */
    default: z.number(),
  })
  .refine(...defaultInRange);

const modelEntry = z.object({
  /** Bedrock model or inference profile ID as passed to ConverseStream, or the built-in model's ID. */
  id: z.string().min(1),
  /** Display name, e.g. "Claude Haiku 4.5". */
  name: z.string().min(1),
  /** Who made the model, e.g. "Anthropic". */
  provider: z.string().min(1),
  /** Input plus output tokens the model can handle; for the built-in trigram model, the words it looks back on. */
  contextWindow: z.number().int().positive(),
  /** What the model reads; the playground itself sends text only. */
  inputModalities: z.array(z.enum(['text', 'image', 'video', 'document'])).min(1),
  /** What the model writes. */
  outputModalities: z.array(z.enum(['text', 'image'])).min(1),
  /** Sampling temperature. */
  temperature: parameterRange,
  /** Nucleus sampling: the probability mass to keep. */
  topP: parameterRange,
  /** Top-k, for models that take it; null when the model has none. */
  topK: z
    .object({
      ...parameterRange.shape,
      /**
       * Where top-k goes in ConverseStream's additionalModelRequestFields, as a dotted path: "top_k" for Anthropic
       * and Mistral, "inferenceConfig.topK" for Amazon Nova. Absent for the built-in model.
       */
      requestField: z
        .string()
        .regex(/^[A-Za-z_]+(\.[A-Za-z_]+)*$/)
        .optional(),
    })
    .refine(...defaultInRange)
    .nullable(),
  /** Output tokens per answer; the server's own limit caps it further. */
  maxTokens: parameterRange.refine((range) => Number.isInteger(range.min) && range.min >= 1, {
    message: 'needs a whole-number min of at least 1',
  }),
  /** True when the model rejects a request that sets both temperature and top-p (Claude 4.5 models). */
  temperatureOrTopP: z.boolean().optional(),
  /** On-demand price, dated, with where it comes from. */
  price: z.object({
    /** US dollars per 1,000 input tokens. */
    inputPer1k: z.number().min(0),
    /** US dollars per 1,000 output tokens. */
    outputPer1k: z.number().min(0),
    /** The day the price was checked, YYYY-MM-DD. */
    asOf: z.iso.date(),
    /** The price list it was read from (a URL), or why there is no charge. */
    source: z.string().min(1),
  }),
});

const catalogSchema = z
  .object({
    /** The built-in model first, then the Bedrock models. */
    models: z.array(modelEntry).min(1),
  })
  .superRefine(({ models }, context) => {
    if (models[0]?.id !== BUILT_IN_MODEL_ID)
      context.addIssue({ code: 'custom', path: ['models', 0, 'id'], message: `must be "${BUILT_IN_MODEL_ID}"` });
    const seen = new Set<string>();
    for (const [index, model] of models.entries()) {
      if (seen.has(model.id))
        context.addIssue({ code: 'custom', path: ['models', index, 'id'], message: `"${model.id}" is listed twice` });
      seen.add(model.id);
      if (index > 0 && model.topK && !model.topK.requestField)
        context.addIssue({
          code: 'custom',
          path: ['models', index, 'topK', 'requestField'],
          message: 'a Bedrock model with top-k needs the request field to send it in',
        });
    }
  });

export type CatalogModel = z.infer<typeof modelEntry>;

class CatalogError extends Error {
  override name = 'CatalogError';
}

/** The catalog from its JSON, or a CatalogError naming every field at fault. */
export function parseCatalog(data: unknown): CatalogModel[] {
  const result = catalogSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new CatalogError(`The playground's model catalog is malformed:\n${problems.join('\n')}`);
  }
  return result.data.models;
}

/** The catalog shipped with the server, checked once when this module loads. */
export const catalog: readonly CatalogModel[] = parseCatalog(catalogFile);
