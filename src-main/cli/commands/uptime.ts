import { moneyIn } from '../../domain/locale-format';
import { recordUptime } from '../../services/uptime';
import { defineCommand, printResult, requiredOption } from '../command';

export const uptimeCommand = defineCommand({
  name: 'uptime',
  summary: "Record a contract's measured uptime for a period; grants the SLA credit it earns.",
  options: {
    contract: { type: 'string', value: 'ID', description: 'the contract' },
    period: { type: 'string', value: 'YYYY-MM', description: 'the period measured' },
    percent: { type: 'string', value: 'P', description: 'the uptime, in percent (e.g. 99.5)' },
  },
  args: [],
  async run(ctx, options) {
    const store = await ctx.store();
    const result = await recordUptime(store, {
      contract: requiredOption(options, 'contract'),
      period: requiredOption(options, 'period'),
      uptime_percent: requiredOption(options, 'percent'),
    });
    const { uptime, credit, replaced } = result;
    const money = moneyIn(store.read().settings.locale);
    const earlier =
      replaced === null
        ? ''
        : ` (replacing ${replaced.uptime_percent}%, which had earned ${
            replaced.credit === null
              ? 'no SLA credit'
              : `SLA credit ${replaced.credit.id} of ${money(replaced.credit.amount, replaced.credit.currency)}`
          })`;
    printResult(ctx, result, () =>
      credit
        ? `Recorded ${uptime.uptime_percent}% for ${uptime.contract} in ${uptime.period}${earlier}: SLA credit ${credit.id} of ${money(credit.amount, credit.currency)}, usable from ${credit.granted_on}.\n`
        : `Recorded ${uptime.uptime_percent}% for ${uptime.contract} in ${uptime.period}${earlier}: no SLA credit is due.\n`,
    );
  },
});
