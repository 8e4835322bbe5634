import { createWriteStream } from 'node:fs';
import { writeBundle } from '../../bundle/dump';
import { defineCommand, stringOption } from '../command';

export const dumpCommand = defineCommand({
  name: 'dump',
  summary: 'Write the whole store as a bundle (to stdout, or to --out FILE).',
  options: {
    out: { type: 'string', value: 'FILE', description: 'write to this file instead of stdout' },
  },
  args: [],
  readOnly: true,
  async run(ctx, options) {
    const store = await ctx.store();
    const out = stringOption(options, 'out');
    if (out === undefined) {
      await writeBundle(store, (chunk) => ctx.io.stdout(chunk));
      return;
    }
    const path = ctx.resolvePath(out);
    const stream = createWriteStream(path);
    const finished = new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve).on('error', reject);
    });
    await writeBundle(store, (chunk) => {
      stream.write(chunk);
    });
    stream.end();
    await finished;
    // With --json stdout carries exactly one document: where the bundle went.
    if (ctx.json) ctx.io.stdout(`${JSON.stringify({ out: path })}\n`);
    else ctx.io.stderr(`Wrote ${path}\n`);
  },
});
