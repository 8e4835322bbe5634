import { readFile } from 'node:fs/promises';
import { loadBundle, type LoadSummary } from '../../bundle/load';
import { parseBundleText } from '../../bundle/parse';
import { UserError } from '../../domain/errors';
import { describeFileError } from '../../files/file-errors';
import { decodeUtf8, utf8Place } from '../../files/utf8';
import { defineCommand, printResult } from '../command';

export const loadCommand = defineCommand({
  name: 'load',
  summary:
    'Load a bundle (plans, customers, contracts, credits, usage…) into the store; all or nothing.',
  options: {},
  args: [{ name: 'FILE', required: true }],
  async run(ctx, _options, [file = '']) {
    const path = ctx.resolvePath(file);
    const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
      throw new UserError(
        `Cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : describeFileError(error)}.`,
      );
    });
    const decoded = decodeUtf8(bytes);
    if (!('text' in decoded)) {
      throw new UserError(
        `${file} is not valid UTF-8 at ${utf8Place(decoded.line, decoded.offset)}; a bundle is UTF-8 JSON. Nothing was loaded.`,
      );
    }
    const text = decoded.text;
    const summary = await loadBundle(await ctx.store(), parseBundleText(text, file), file);
    printResult(ctx, summary, () => `Loaded ${file}: ${describeSummary(summary)}.\n`);
  },
});

export function describeSummary(summary: LoadSummary): string {
  const counts = Object.entries(summary)
    .filter(([key, value]) => key !== 'usage' && value !== 0)
    .map(([key, value]) => `${String(value)} ${key.replace('_', ' ')}`);
  counts.push(
    `${summary.usage.accepted} usage events (${summary.usage.duplicates} duplicates skipped)`,
  );
  return counts.join(', ');
}
