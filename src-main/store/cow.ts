/**
 * Copy-on-write drafts of committed data. A draft reads like the object it stands for;
 * the first write to an object copies that object alone (shallowly) and its parents up
 * to the draft's root, never the rest. Finalizing gives the committed object itself
 * where nothing was written, and a new object where something was: so what changed
 * is found by identity, without copying or comparing the untouched history.
 *
 * Reading a child of a draft gives a draft of the child, so writes at any depth are
 * seen (`invoice.lines[0].amount = …`). Values put into a draft may be drafts or plain
 * objects holding drafts; finalizing replaces those by their final values.
 */

interface DraftState {
  readonly base: object;
  /** The shallow copy, made at the first write; children read since are drafts in it. */
  copy: Record<PropertyKey, unknown> | null;
  readonly parent: DraftState | null;
  /** Drafts handed out for children before the copy was made. */
  readonly children: Map<PropertyKey, object>;
  finalized: boolean;
}

const states = new WeakMap<object, DraftState>();
/**
 * Objects written into a draft: they are no committed data, so they are handed out as
 * they are (writes to them need no copy) and finalizing walks them for drafts.
 */
const written = new WeakSet<object>();

function noteWritten(value: unknown): void {
  if (isObject(value) && !states.has(value)) written.add(value);
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

export function isDraft(value: unknown): boolean {
  return isObject(value) && states.has(value);
}

function current(state: DraftState): Record<PropertyKey, unknown> {
  return state.copy ?? (state.base as Record<PropertyKey, unknown>);
}

function markChanged(state: DraftState): void {
  if (state.copy !== null) return;
  const base = state.base as Record<PropertyKey, unknown>;
  const copy = (Array.isArray(base) ? [...base] : { ...base }) as Record<PropertyKey, unknown>;
  for (const [key, child] of state.children) {
    if (copy[key] === baseOf(child)) copy[key] = child;
  }
  state.children.clear();
  state.copy = copy;
  if (state.parent !== null) markChanged(state.parent);
}

function baseOf(draft: object): object {
  return (states.get(draft) as DraftState).base;
}

const handler: ProxyHandler<object> = {
  get(target, key) {
    const state = states.get(target) as DraftState;
    const source = current(state);
    const value: unknown = Reflect.get(source, key);
    if (
      !isObject(value) ||
      states.has(value) ||
      written.has(value) ||
      !Object.hasOwn(source, key)
    ) {
      return value;
    }
    if (state.copy !== null) {
      const child = draftOf(value, state);
      state.copy[key] = child;
      return child;
    }
    const known = state.children.get(key);
    if (known !== undefined && baseOf(known) === value) return known;
    const child = draftOf(value, state);
    state.children.set(key, child);
    return child;
  },
  set(target, key, value) {
    const state = states.get(target) as DraftState;
    markChanged(state);
    noteWritten(value);
    return Reflect.set(state.copy as object, key, value);
  },
  deleteProperty(target, key) {
    const state = states.get(target) as DraftState;
    markChanged(state);
    return Reflect.deleteProperty(state.copy as object, key);
  },
  defineProperty(target, key, descriptor) {
    const state = states.get(target) as DraftState;
    markChanged(state);
    noteWritten(descriptor.value);
    return Reflect.defineProperty(state.copy as object, key, descriptor);
  },
  has(target, key) {
    return Reflect.has(current(states.get(target) as DraftState), key);
  },
  ownKeys(target) {
    return Reflect.ownKeys(current(states.get(target) as DraftState));
  },
  getOwnPropertyDescriptor(target, key) {
    const source = current(states.get(target) as DraftState);
    const descriptor = Reflect.getOwnPropertyDescriptor(source, key);
    if (descriptor === undefined) return undefined;
    // An array's length is the one property that may not be reported configurable.
    return key === 'length' && Array.isArray(source)
      ? descriptor
      : { ...descriptor, configurable: true };
  },
};

/**
 * The proxy's target is a stand-in of the same kind (so `Array.isArray` holds), and
 * the state is found through it: the committed object itself is never a target,
 * so nothing the proxy does can touch it.
 */
function draftOf<T extends object>(base: T, parent: DraftState | null): T {
  const target = Array.isArray(base) ? [] : {};
  const state: DraftState = { base, copy: null, parent, children: new Map(), finalized: false };
  states.set(target, state);
  const proxy = new Proxy(target, handler);
  states.set(proxy, state);
  return proxy as T;
}

/** A draft of `base`, which stays as it is whatever is done to the draft. */
export function createDraft<T extends object>(base: T): T {
  return draftOf(base, null);
}

/** Whether anything was written to the draft or below it. */
export function isChanged(draft: object): boolean {
  return states.get(draft)?.copy != null;
}

/**
 * The value a draft (or a plain value holding drafts) stands for now: committed
 * objects where nothing changed, new ones where something did. Plain objects put into
 * a draft are changed in place (their drafts replaced), since nobody else holds them.
 */
export function finalize<T>(value: T): T {
  return finalizeValue(value, new Set()) as T;
}

function finalizeValue(value: unknown, visited: Set<object>): unknown {
  if (!isObject(value)) return value;
  const state = states.get(value);
  if (state !== undefined) return finalizeState(state, visited);
  if (visited.has(value)) return value;
  visited.add(value);
  // Final now: once committed it is shared data, which a later draft must copy to change.
  written.delete(value);
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const child = record[key];
    if (isObject(child)) {
      const final = finalizeValue(child, visited);
      if (final !== child) record[key] = final;
    }
  }
  return value;
}

function finalizeState(state: DraftState, visited: Set<object>): object {
  const { copy } = state;
  if (copy === null) return state.base;
  if (state.finalized) return copy;
  state.finalized = true;
  const base = state.base as Record<string, unknown>;
  for (const key of Object.keys(copy)) {
    const child = copy[key];
    // What the copy shares with the committed object holds no draft.
    if (isObject(child) && child !== base[key]) copy[key] = finalizeValue(child, visited);
  }
  return copy;
}
