/**
 * Checking a bundle's sections: shape (zod), then the checks across sections. Pure:
 * nothing here writes; `load.ts` commits what this accepts. The `usage` events are
 * not here: they are checked one at a time as they stream in (load.ts).
 */
import { UserError } from '../domain/errors';
import type { StoreData } from '../store/data';
import { jsonPath } from '../domain/json-path';
import { bundleSectionsSchema, type Bundle } from './schema';
import { checkBundle, type BundleProblem } from './validate';

/**
 * Parses and checks the sections of a bundle against itself and `store`; returns
 * the bundle, or null with every problem found, each at its JSON path.
 */
export function checkSections(
  sections: unknown,
  store: StoreData,
): { bundle: Bundle; problems: [] } | { bundle: null; problems: BundleProblem[] } {
  const parsed = bundleSectionsSchema.safeParse(sections);
  if (!parsed.success) {
    return {
      bundle: null,
      problems: parsed.error.issues.map((issue) => ({
        path: jsonPath(issue.path),
        message: issue.message,
      })),
    };
  }
  const problems = checkBundle(parsed.data, store);
  return problems.length > 0 ? { bundle: null, problems } : { bundle: parsed.data, problems: [] };
}

/** One UserError for every problem of the bundle `source`: one sentence, or a list. */
export function bundleError(source: string, problems: readonly BundleProblem[]): UserError {
  const lines = problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
  if (lines.length === 1) return new UserError(`${source}: ${lines[0]}. Nothing was loaded.`);
  return new UserError(`${source} has ${lines.length} problems; nothing was loaded:`, lines);
}
