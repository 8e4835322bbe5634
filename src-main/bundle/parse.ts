/**
 * Reading a bundle: JSON text, then shape (zod), then the checks across sections.
 * Pure: nothing here writes; `load.ts` commits what this accepts.
 */
import { UserError } from '../domain/errors';
import type { ReadonlyStoreData } from '../store/data';
import { jsonPath } from '../domain/json-path';
import { bundleSchema, type Bundle } from './schema';
import { checkBundle, type BundleProblem } from './validate';

/** Parses and checks a bundle without writing anything; throws one UserError listing every problem. */
export function parseBundle(input: unknown, source: string, store: ReadonlyStoreData): Bundle {
  const parsed = bundleSchema.safeParse(input);
  if (!parsed.success) {
    throw bundleError(
      source,
      parsed.error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message })),
    );
  }
  const problems = checkBundle(parsed.data, store);
  if (problems.length > 0) throw bundleError(source, problems);
  return parsed.data;
}

function bundleError(source: string, problems: BundleProblem[]): UserError {
  const lines = problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
  if (lines.length === 1) return new UserError(`${source}: ${lines[0]}. Nothing was loaded.`);
  return new UserError(`${source} has ${lines.length} problems; nothing was loaded:`, lines);
}

/** Parses JSON text, naming the file and the position of a syntax error. */
export function parseBundleText(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UserError(`${source} is not valid JSON: ${(error as Error).message}.`);
  }
}
