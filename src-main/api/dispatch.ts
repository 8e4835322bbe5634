/**
 * Calls a procedure of the contract by name with an untrusted payload, as every door
 * does: an unknown name or a payload that does not match the contract is refused
 * before any handler runs, a user's mistake comes back as its one sentence, and a bug
 * as an internal error. The answer is always an Outcome, which crosses IPC and HTTP.
 */
import type { z } from 'zod';
import { UserError } from '../domain/errors';
import { contract, type ApiErrorBody, type Outcome, type ProcedureName } from './contract';
import type { Handlers } from './handlers';

export function isProcedureName(name: string): name is ProcedureName {
  return Object.hasOwn(contract, name);
}

const failure = (code: ApiErrorBody['code'], message: string, details: string[] = []): Outcome => ({
  ok: false,
  error: { code, message, details },
});

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length === 0 ? 'the request' : `'${issue.path.join('.')}'`;
  return `${where}: ${issue.message}`;
}

/** The payload checked against the procedure's input schema, defaults filled in. */
export function validateInput(name: string, payload: unknown): Outcome {
  if (!isProcedureName(name)) return failure('not_found', `There is no procedure '${name}'.`);
  const input = contract[name].input.safeParse(payload ?? {});
  if (input.success) return { ok: true, value: input.data };
  const issues = input.error.issues.map(describeIssue);
  return failure('bad_request', `The request to ${name} is not valid: ${issues[0]}.`, issues);
}

export async function callProcedure(
  handlers: Handlers,
  name: string,
  payload: unknown,
): Promise<Outcome> {
  const input = validateInput(name, payload);
  if (!input.ok || !isProcedureName(name)) return input;
  try {
    const handler = handlers[name] as (args: unknown) => unknown;
    const value = contract[name].output.parse(await handler(input.value));
    return { ok: true, value };
  } catch (error) {
    if (error instanceof UserError) return failure('refused', error.message, [...error.details]);
    const message = error instanceof Error ? error.message : String(error);
    return failure('internal', `Internal error in ${name} (please report it): ${message}`);
  }
}
