import { todayUtc } from '../domain/dates';
import { UserError } from '../domain/errors';
import { isValidDate } from '../domain/dates';
import type { Settings } from '../domain/model';

/** The date a run works on (billing.md §2): `--as-of`, else the settings' `today`, else today UTC. */
export function resolveRunDate(settings: Settings, asOf?: string): string {
  if (asOf !== undefined && !isValidDate(asOf)) {
    throw new UserError(`The date '${asOf}' is not a valid date YYYY-MM-DD.`);
  }
  return asOf ?? settings.today ?? todayUtc();
}
