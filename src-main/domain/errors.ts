/**
 * A mistake of the user's (bad input, a refused action), told in one clear sentence
 * that says what is wrong and where. The CLI prints its message alone and exits 1;
 * the app shows it as it is. Any other error is a bug and is reported as one.
 */
export class UserError extends Error {
  /** Further lines (for example every rejected row of an import), shown after the sentence. */
  readonly details: readonly string[];

  constructor(message: string, details: readonly string[] = []) {
    super(message);
    this.name = 'UserError';
    this.details = details;
  }
}
