/**
 * Checking a customer or contract as it is typed, with the bundle's own zod schema
 * (domain/model.ts), so the form says what `load` and the command line say: the
 * schema's words after the field's label ("Currency must be an ISO 4217 currency
 * code…"), beside that field. Checks that need the whole book (a duplicate id, an
 * external id another customer has) come back from the desk as one sentence naming
 * the field, and are shown beside it too.
 */
import type { z } from 'zod';

/** Each field's problem, by the entity's field name. */
export type FieldErrors = Partial<Record<string, string>>;

/** The schema's problems with `entity`, one per field (the first), worded with the labels. */
export function schemaErrors(
  schema: z.ZodType,
  entity: unknown,
  labels: Readonly<Record<string, string>>,
): FieldErrors {
  const parsed = schema.safeParse(entity);
  if (parsed.success) return {};
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (errors[field] !== undefined) continue;
    const item = typeof issue.path[1] === 'number' ? ` (entry ${issue.path[1] + 1})` : '';
    errors[field] = `${labels[field] ?? field}${item} ${issue.message}.`;
  }
  return errors;
}

/**
 * The field a refusal of the desk is about: its sentences name it after the entity
 * (`Customer 'zed', external_ids[0]: …`, `There is already a customer 'acme'; … id`).
 */
export function refusedField(message: string, fields: readonly string[]): string | null {
  const named = /^(?:Customer|Contract) '[^']*', ([a-z_]+)/.exec(message)?.[1];
  if (named !== undefined && fields.includes(named)) return named;
  if (/^There is already a (?:customer|contract) /.test(message) && fields.includes('id')) {
    return 'id';
  }
  return null;
}

/** A list typed as "a, b, c" (or one per line). */
export function listOf(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
