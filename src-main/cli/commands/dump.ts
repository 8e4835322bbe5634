import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { writeBundle, type DumpProgress } from '../../bundle/dump';
import { defineCommand, stringOption, type CommandContext } from '../command';
import { throttled } from '../progress';

export const dumpCommand = defineCommand({
  name: 'dump',
  summary: 'Write the whole store as a bundle (to stdout, or to --out FILE).',
  options: {
    out: { type: 'string', value: 'FILE', description: 'write to this file instead of stdout' },
  },
  args: [],
  async run(ctx, options) {
    const store = await ctx.store();
    const out = stringOption(options, 'out');
    const onProgress = dumpProgress(ctx);
    if (out === undefined) {
      await writeBundle(store, (chunk) => ctx.io.stdout(chunk), onProgress);
      ctx.progress('');
      return;
    }
    const path = ctx.resolvePath(out);
    const stream = createWriteStream(path);
    await once(stream, 'open');
    const finished = once(stream, 'finish');
    // Awaited below; an error while writing must not go unhandled meanwhile.
    finished.catch(() => undefined);
    // Waits whenever the stream's buffer is full: the file, not memory, takes the events.
    await writeBundle(
      store,
      (chunk) => (stream.write(chunk) ? undefined : once(stream, 'drain').then(() => undefined)),
      onProgress,
    );
    stream.end();
    await finished;
    ctx.progress('');
    // With --json stdout carries exactly one document: where the bundle went.
    if (ctx.json) ctx.io.stdout(`${JSON.stringify({ out: path })}\n`);
    else ctx.io.stderr(`Wrote ${path}\n`);
  },
});

function dumpProgress(ctx: CommandContext): (progress: DumpProgress) => void {
  return throttled(
    ({ events, totalEvents }) =>
      ctx.progress(
        `Dumping: ${events.toLocaleString('en')} of ${totalEvents.toLocaleString('en')} usage events`,
      ),
    ({ events, totalEvents }) => events >= totalEvents,
  );
}
