/**
 * One entity of the book checked exactly as `load` checks a bundle holding it: the
 * same zod schemas and cross-section rules (bundle/validate.ts), so a change made
 * by a command or a screen gets the same sentences as one made by a bundle.
 */
import { checkSections } from '../bundle/parse';
import { BUNDLE_FORMAT, type Bundle } from '../bundle/schema';
import type { BundleProblem } from '../bundle/validate';
import { UserError } from '../domain/errors';
import type { ReadonlyStoreData } from '../store/data';

export type EntitySection = 'customers' | 'plans' | 'contracts';
export type EntityOf<S extends EntitySection> = Bundle[S][number];

const NOUNS: Record<EntitySection, string> = {
  customers: 'customer',
  plans: 'plan',
  contracts: 'contract',
};

/** How a message names an entity: `customer 'acme'`, or `the customer` without an id. */
export function entityName(section: EntitySection, key: unknown): string {
  return typeof key === 'string' && key !== ''
    ? `${NOUNS[section]} '${key}'`
    : `the ${NOUNS[section]}`;
}

/**
 * Parses `input` as one entity of `section` and checks it against `data`, with
 * `alsoCheck` (entities that depend on it, such as a plan's contracts) checked
 * alongside. Throws a UserError naming the entity and the field.
 */
export function checkedEntity<S extends EntitySection>(
  section: S,
  input: unknown,
  data: ReadonlyStoreData,
  alsoCheck: Partial<Record<EntitySection, unknown[]>> = {},
): EntityOf<S> {
  const sections: Record<string, unknown> = { format: BUNDLE_FORMAT, ...alsoCheck };
  sections[section] = [input, ...(alsoCheck[section] ?? [])];
  const { bundle, problems } = checkSections(sections, data);
  if (bundle) return bundle[section][0] as EntityOf<S>;
  throw entityError(sections, section, problems);
}

function entityError(
  sections: Record<string, unknown>,
  section: EntitySection,
  problems: BundleProblem[],
): UserError {
  const lines = problems.map((problem) => describeProblem(sections, problem));
  const [first] = lines;
  if (lines.length === 1 && first !== undefined) {
    return new UserError(`${capitalize(first)}; nothing was changed.`);
  }
  const [input] = sections[section] as unknown[];
  return new UserError(
    `${capitalize(entityName(section, keyOf(section, input)))} has ${lines.length} problems; nothing was changed:`,
    lines,
  );
}

function keyOf(section: EntitySection, entity: unknown): unknown {
  return (entity as Record<string, unknown> | null)?.[section === 'plans' ? 'code' : 'id'];
}

/** `customers[0].currency` becomes `customer 'acme', currency: …`. */
function describeProblem(sections: Record<string, unknown>, problem: BundleProblem): string {
  const match = /^(customers|plans|contracts)\[(\d+)\]\.?(.*)$/.exec(problem.path);
  if (!match) return problem.path ? `${problem.path}: ${problem.message}` : problem.message;
  const [, section, index, field] = match as unknown as [string, EntitySection, string, string];
  const entity = (sections[section] as unknown[])[Number(index)];
  const name = entityName(section, keyOf(section, entity));
  return field ? `${name}, ${field}: ${problem.message}` : `${name}: ${problem.message}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
