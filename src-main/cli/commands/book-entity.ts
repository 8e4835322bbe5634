/**
 * What `customers`, `plans` and `contracts` share: an action word first
 * (`list`, `add`, `edit ID`, `show ID`…), and an entity given by flags for its
 * common fields and/or a JSON file holding it (`--file`), the flags winning.
 */
import { readFileSync } from 'node:fs';
import { UserError } from '../../domain/errors';
import { addEntity, editEntity, findEntity } from '../../services/catalog';
import type { EntityOf, EntitySection } from '../../services/entityCheck';
import type { Store } from '../../store/store';
import {
  defineCommand,
  listOption,
  printResult,
  stringOption,
  UsageError,
  type Command,
  type CommandContext,
  type OptionSpec,
  type OptionValues,
} from '../command';

/** A flag that sets one field of the entity. */
export interface FieldFlag extends OptionSpec {
  field: string;
  /** How the text typed becomes the field's value (default: as it is). */
  parse?: (text: string) => unknown;
}

/** A whole number as a number; anything else is left for the schema to refuse by name. */
export function wholeNumber(text: string): unknown {
  return /^\d+$/.test(text) ? Number(text) : text;
}

/** `none` clears a nullable field. */
export function orNone(text: string): string | null {
  return text === 'none' ? null : text;
}

const FILE_OPTION: OptionSpec = {
  type: 'string',
  value: 'X.json',
  description: 'a JSON file holding the entity (or, with edit, the fields to change)',
};

/** The fields the user gave: those of `--file`, then those of the flags over them. */
export function entityFields(
  ctx: CommandContext,
  options: OptionValues,
  flags: Record<string, FieldFlag>,
): Record<string, unknown> {
  const file = stringOption(options, 'file');
  const fields = file === undefined ? {} : readEntityFile(ctx, file);
  for (const [name, flag] of Object.entries(flags)) {
    const parse = flag.parse ?? ((text: string) => text);
    if (flag.multiple) {
      const values = listOption(options, name);
      if (values.length > 0) fields[flag.field] = values.map(parse);
    } else {
      const value = stringOption(options, name);
      if (value !== undefined) fields[flag.field] = parse(value);
    }
  }
  return fields;
}

export function readEntityFile(ctx: CommandContext, file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(ctx.resolvePath(file), 'utf8');
  } catch (error) {
    throw new UserError(
      `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}.`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${file} is not valid JSON: ${(error as Error).message}.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UserError(`${file} must hold one JSON object, the entity.`);
  }
  return value as Record<string, unknown>;
}

/** An action of a book command: what it does with the store, the id and the flags. */
export type BookAction = (
  ctx: CommandContext,
  store: Store,
  options: OptionValues,
  id: string | undefined,
) => Promise<void>;

export interface BookCommandSpec<S extends EntitySection> {
  name: string;
  section: S;
  summary: string;
  flags: Record<string, FieldFlag>;
  /** Options of the extra actions and the list's filters. */
  options?: Record<string, OptionSpec>;
  list(ctx: CommandContext, store: Store, options: OptionValues): void;
  /** What `show ID` prints besides the entity (its contracts, invoices…). */
  show(store: Store, entity: Readonly<EntityOf<S>>): { json: unknown; text: string };
  /** A one-line description of the entity after add or edit. */
  describe(entity: EntityOf<S>): string;
  /** Actions besides list, add, edit and show. */
  actions?: Record<string, BookAction>;
  /** Without edit when the entity is changed only through its own actions. */
  editable?: boolean;
}

export function bookCommand<S extends EntitySection>(spec: BookCommandSpec<S>): Command {
  const actions: Record<string, BookAction> = {
    list: (ctx, store, options) => Promise.resolve(spec.list(ctx, store, options)),
    add: async (ctx, store, options) => {
      const entity = await addEntity(store, spec.section, entityFields(ctx, options, spec.flags));
      printResult(ctx, entity, () => `Added ${spec.describe(entity)}.\n`);
    },
    ...(spec.editable === false
      ? {}
      : {
          edit: async (ctx, store, options, id) => {
            const changes = entityFields(ctx, options, spec.flags);
            if (Object.keys(changes).length === 0) {
              throw new UsageError('give the fields to change as flags or with --file.');
            }
            const entity = await editEntity(store, spec.section, required(id), changes);
            printResult(ctx, entity, () => `Edited ${spec.describe(entity)}.\n`);
          },
        }),
    show: (ctx, store, _options, id) => {
      const entity = findEntity(store.read(), spec.section, required(id));
      const view = spec.show(store, entity);
      printResult(ctx, view.json, () => view.text);
      return Promise.resolve();
    },
    ...spec.actions,
  };
  const names = Object.keys(actions);
  return defineCommand({
    name: spec.name,
    summary: `${spec.summary} Actions: ${names.join(', ')} (default list); add and edit take the fields as flags and/or --file X.json.`,
    options: { ...flagOptions(spec.flags), file: FILE_OPTION, ...spec.options },
    args: [
      { name: 'ACTION', required: false },
      { name: 'ID', required: false },
    ],
    async run(ctx, options, [action = 'list', id]) {
      const run = actions[action];
      if (!run)
        throw new UsageError(`'${action}' is not an action; use one of ${names.join(', ')}.`);
      if (action === 'list' && id !== undefined)
        throw new UsageError(`unexpected argument '${id}'.`);
      await run(ctx, await ctx.store(), options, id);
    },
  });
}

function flagOptions(flags: Record<string, FieldFlag>): Record<string, OptionSpec> {
  return Object.fromEntries(
    Object.entries(flags).map(([name, { field: _field, parse: _parse, ...option }]) => [
      name,
      option,
    ]),
  );
}

export function required(id: string | undefined): string {
  if (id === undefined) throw new UsageError('missing ID.');
  return id;
}

/** Lines `field: value` of an entity's plain fields, for `show`. */
export function fieldLines(entity: object): string {
  return Object.entries(entity)
    .map(
      ([field, value]) => `${field}: ${typeof value === 'string' ? value : JSON.stringify(value)}`,
    )
    .join('\n')
    .concat('\n');
}
