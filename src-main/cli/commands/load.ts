import { loadBundleFile, type LoadSummary } from '../../bundle/load';
import { defineCommand, printResult } from '../command';
import { megabytes, throttled } from '../progress';

export const loadCommand = defineCommand({
  name: 'load',
  summary:
    'Load a bundle (plans, customers, contracts, credits, usage…) into the store; all or nothing.',
  options: {},
  args: [{ name: 'FILE', required: true }],
  async run(ctx, _options, [file = '']) {
    const summary = await loadBundleFile(await ctx.store(), ctx.resolvePath(file), {
      source: file,
      onProgress: throttled(
        ({ bytesRead, totalBytes, events }) =>
          ctx.progress(
            `Loading ${file}: ${megabytes(bytesRead)} of ${megabytes(totalBytes)} MB, ${events.toLocaleString('en')} usage events`,
          ),
        ({ bytesRead, totalBytes }) => bytesRead >= totalBytes,
      ),
    });
    ctx.progress('');
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
