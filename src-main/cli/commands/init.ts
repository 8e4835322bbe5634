import { loadBundle } from '../../bundle/load';
import { isEmptyBook } from '../../bundle/validate';
import { demoBundle } from '../../demo/book';
import { UserError } from '../../domain/errors';
import { defineCommand, printResult } from '../command';
import { describeSummary } from './load';

export const initCommand = defineCommand({
  name: 'init',
  summary: 'Create an empty store, or one holding the demo book of business (--demo).',
  options: {
    demo: { type: 'boolean', description: 'fill the store with the demo book of business' },
  },
  args: [],
  createsDataFolder: true,
  async run(ctx, options) {
    const store = await ctx.store();
    if (!isEmptyBook(store.read())) {
      throw new UserError(
        `${ctx.dataDir} already holds a book of business; init only sets up a new store.`,
      );
    }
    if (options.demo !== true) {
      printResult(
        ctx,
        { data: ctx.dataDir, demo: false },
        () => `Created an empty store in ${ctx.dataDir}.\n`,
      );
      return;
    }
    const summary = await loadBundle(store, demoBundle(), 'The demo book');
    printResult(
      ctx,
      { data: ctx.dataDir, demo: true, loaded: summary },
      () => `Created the demo store in ${ctx.dataDir}: ${describeSummary(summary)}.\n`,
    );
  },
});
