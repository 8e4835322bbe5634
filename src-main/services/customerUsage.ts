/**
 * A customer's usage by meter over recent periods, for the usage chart of their page:
 * each period's quantity as the bill rates it (the meter's own aggregation, per
 * contract, through the same collector the bill run uses), read period by period for
 * the periods shown only. A period with a plan change sums the two contracts' figures.
 */
import { addMonths, isPeriod, periodOfDate } from '../domain/dates';
import { UserError } from '../domain/errors';
import { plain, sum } from '../domain/money';
import { UsageCollector } from '../domain/usage-collector';
import type { PeriodUsageReader } from '../domain/usage';
import type { Store } from '../store/store';
import { Book } from './book';
import { resolveRunDate } from './runDate';

export interface CustomerUsageRequest {
  customer: string;
  /** How many periods, ending with `through`. */
  months: number;
  /** The last period shown (default: the desk's today's period). */
  through?: string;
}

export interface CustomerUsage {
  periods: string[];
  /** The meters the customer's plans charge, in the order of the plans. */
  meters: { code: string; name: string; unit: string }[];
  /** One figure per period and meter charged that period (decimal strings). */
  usage: { period: string; meter: string; quantity: string }[];
}

export async function customerUsage(
  store: Store,
  readUsage: PeriodUsageReader,
  request: CustomerUsageRequest,
): Promise<CustomerUsage> {
  const data = store.read();
  const book = new Book(data);
  const customer = book.customer(request.customer);
  const through = request.through ?? periodOfDate(resolveRunDate(data.settings));
  if (!isPeriod(through)) throw new UserError(`'${through}' is not a period YYYY-MM.`);
  const periods = Array.from({ length: request.months }, (_, index) =>
    addMonths(through, index - request.months + 1),
  );
  const contracts = data.contracts.filter((contract) => contract.customer === customer.id);
  const meterCodes = new Set(
    contracts.flatMap((contract) => book.terms(contract).plan.charges.map(({ meter }) => meter)),
  );
  const meters = [...meterCodes].flatMap((code) => {
    const meter = book.meters.get(code);
    return meter ? [{ code, name: meter.name, unit: meter.unit }] : [];
  });

  const usage: CustomerUsage['usage'] = [];
  for (const period of periods) {
    const collector = new UsageCollector({ ...data, customers: [customer], contracts });
    const { propertiesOf, propertyNames } = collector;
    for await (const events of readUsage(period, { propertiesOf, propertyNames })) {
      for (const event of events) collector.add(event);
    }
    for (const meter of meters) {
      const quantities = contracts.map((contract) => collector.usageOf(contract.id, meter.code));
      if (quantities.every((quantity) => quantity.quantity.isZero())) continue;
      usage.push({
        period,
        meter: meter.code,
        quantity: plain(sum(quantities.map((quantity) => quantity.quantity))),
      });
    }
  }
  return { periods, meters, usage };
}
