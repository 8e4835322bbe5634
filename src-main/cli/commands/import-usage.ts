import { basename } from 'node:path';
import {
  importUsage,
  isUsageFormat,
  USAGE_FORMATS,
  type ImportUsageResult,
} from '../../services/importUsage';
import {
  defineCommand,
  listOption,
  printResult,
  stringOption,
  UsageError,
  type CommandContext,
} from '../command';
import { megabytes, throttled } from '../progress';

export const importUsageCommand = defineCommand({
  name: 'import-usage',
  summary:
    'Import a usage export (CSV, NDJSON, CloudEvents, Lago) as one batch; prints accepted, duplicate and rejected counts.',
  options: {
    format: {
      type: 'string',
      value: USAGE_FORMATS.join('|'),
      description: "the file's format (default: detected from its content)",
    },
    map: {
      type: 'string',
      value: 'FIELD=COLUMN',
      multiple: true,
      description:
        'read a field (event_id, source, customer, meter, quantity, timestamp) from another CSV column',
    },
    'keep-valid': {
      type: 'boolean',
      description: 'store the valid rows even when some are rejected',
    },
    rejects: {
      type: 'string',
      value: 'FILE',
      description:
        'write the rejected rows, with a reason, to FILE (with --keep-valid: FILE.rejects.csv by default)',
    },
  },
  args: [{ name: 'FILE', required: true }],
  async run(ctx, options, [file = '']) {
    const format = stringOption(options, 'format');
    if (format !== undefined && !isUsageFormat(format)) {
      throw new UsageError(`--format must be one of ${USAGE_FORMATS.join(', ')}.`);
    }
    const rejects = stringOption(options, 'rejects');
    const result = await importUsage(await ctx.store(), ctx.resolvePath(file), {
      format,
      map: parseMap(listOption(options, 'map')),
      keepValid: options['keep-valid'] === true,
      rejectsPath: rejects === undefined ? undefined : ctx.resolvePath(rejects),
      onProgress: importProgress(ctx, basename(file)),
    });
    ctx.progress('');
    const failed = result.batch === null;
    const json = {
      batch: result.batch,
      accepted: result.accepted,
      duplicates: result.duplicates,
      rejected: result.rejected,
      errors: result.errors,
    };
    if (failed && !ctx.json) ctx.io.stderr(describe(file, result));
    else printResult(ctx, json, () => describe(file, result));
    return failed ? 1 : 0;
  },
});

function parseMap(entries: string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const entry of entries) {
    const equals = entry.indexOf('=');
    if (equals <= 0) throw new UsageError(`--map takes FIELD=COLUMN, not '${entry}'.`);
    map[entry.slice(0, equals)] = entry.slice(equals + 1);
  }
  return map;
}

function importProgress(ctx: CommandContext, name: string) {
  return throttled(
    ({ bytesRead, totalBytes, rows }: { bytesRead: number; totalBytes: number; rows: number }) =>
      ctx.progress(
        `Importing ${name}: ${megabytes(bytesRead)} of ${megabytes(totalBytes)} MB, ${rows.toLocaleString('en')} rows`,
      ),
    ({ bytesRead, totalBytes }) => bytesRead >= totalBytes,
  );
}

const plural = (count: number, word: string) =>
  `${count.toLocaleString('en')} ${word}${count === 1 ? '' : 's'}`;

function describe(file: string, result: ImportUsageResult): string {
  const format = `${result.format}${result.detected ? ', detected' : ''}`;
  const counts = `${plural(result.accepted, 'event')} accepted, ${plural(result.duplicates, 'duplicate')}, ${plural(result.rejected, 'row')} rejected`;
  const lines =
    result.batch === null
      ? [
          `Nothing was imported from ${file} (${format}): ${plural(result.rejected, 'row')} rejected. Fix them, or use --keep-valid to store the valid rows.`,
        ]
      : [`Imported ${file} (${format}) as batch ${result.batch}: ${counts}.`];
  lines.push(...result.errors.map((error) => `  row ${error.row}: ${error.reason}`));
  const unlisted = result.rejected - result.errors.length;
  if (unlisted > 0) lines.push(`  … and ${plural(unlisted, 'more rejected row')}`);
  if (result.rejects_file !== undefined)
    lines.push(`Rejected rows written to ${result.rejects_file}.`);
  return `${lines.join('\n')}\n`;
}
