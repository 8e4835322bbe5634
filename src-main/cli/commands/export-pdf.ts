import { defineCommand, printResult, requiredOption, stringOption } from '../command';

export const exportPdfCommand = defineCommand({
  name: 'export-pdf',
  summary:
    'Write invoices, credit notes and marketplace statements as PDFs into a folder, one file each, named by number.',
  options: {
    out: {
      type: 'string',
      value: 'DIR',
      description: 'the folder to write into (created if missing)',
    },
    period: { type: 'string', value: 'YYYY-MM', description: 'only the documents of this period' },
    invoice: { type: 'string', value: 'NUMBER', description: 'only this invoice or credit note' },
    drafts: { type: 'boolean', description: 'drafts too (marked DRAFT), as draft-<id>.pdf' },
    replace: {
      type: 'boolean',
      description: 'replace files already in the folder that differ (else nothing is written)',
    },
    'as-of': { type: 'string', value: 'DATE', description: 'judge overdue on this date' },
  },
  readOnly: true,
  args: [],
  async run(ctx, options) {
    // Loaded here, not at the top: pdf-lib and the font engine would otherwise weigh on
    // the start of every command.
    const { exportPdfs } = await import('../../services/exportPdf');
    const result = await exportPdfs(await ctx.store(), {
      outDir: ctx.resolvePath(requiredOption(options, 'out')),
      period: stringOption(options, 'period'),
      invoice: stringOption(options, 'invoice'),
      drafts: options.drafts === true,
      replace: options.replace === true,
      asOf: stringOption(options, 'as-of'),
      onProgress: (done, total) => ctx.progress(`Rendering ${done} of ${total}…`),
    });
    ctx.progress('');
    for (const file of result.files) {
      if (file.missing_characters.length > 0) {
        ctx.io.stderr(
          `${file.document}: no embedded font has a glyph for ${file.missing_characters.join(' ')}; they print as boxes.\n`,
        );
      }
    }
    printResult(ctx, result, () => {
      const count = (outcome: string) =>
        result.files.filter((file) => file.outcome === outcome).length;
      if (result.files.length === 0) return 'No documents to export.\n';
      return `${result.files.length} PDF${result.files.length === 1 ? '' : 's'}: ${count('written')} written, ${count('replaced')} replaced, ${count('unchanged')} unchanged.\n${result.files.map((file) => `  ${file.file}\n`).join('')}`;
    });
  },
});
