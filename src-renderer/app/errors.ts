import { ApiError } from '../api';

/** The sentence to show for a failed call: the desk's own for a refusal, a plain one otherwise. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong that the desk did not expect; try again, and report it if it stays.';
}

/** The further lines of a refusal (every rejected row, for example). */
export function detailsOf(error: unknown): readonly string[] {
  return error instanceof ApiError ? error.details : [];
}
