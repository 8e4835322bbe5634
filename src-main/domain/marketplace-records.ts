/**
 * The usage records a period's marketplace statements report to their marketplace
 * (documents-payments.md §5, billing.md §10): for each charge that names a
 * `marketplace_dimension`, its priced quantity (after included units; for capacity, the
 * peak above the reservation), in the request format of AWS, Azure or Google Cloud, at
 * most 25 records a request. Recurring fees are the marketplace's own pricing and are
 * not reported. The same statements always give the same requests, byte for byte.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { compareText } from './collections';
import { lastDayOfPeriod, periodStart } from './dates';
import { UserError } from './errors';
import type { Invoice } from './invoice';
import type { Channel, Contract, Plan, Settings } from './model';
import { Dec, plain } from './money';

export const MARKETPLACES = ['aws', 'azure', 'gcp'] as const;
export type Marketplace = (typeof MARKETPLACES)[number];

const MARKETPLACE_OF: Partial<Record<Channel, Marketplace>> = {
  aws_marketplace: 'aws',
  azure_marketplace: 'azure',
  gcp_marketplace: 'gcp',
};

/** AWS BatchMeterUsage takes at most 25 usage records a call; the others are cut alike. */
export const RECORDS_PER_REQUEST = 25;

/** One dimension's billable quantity on one statement. */
export interface DimensionUsage {
  marketplace: Marketplace;
  contract: string;
  account: string;
  plan: string;
  dimension: string;
  /** Exact, as rated. */
  quantity: Dec;
}

export interface Rounding {
  contract: string;
  dimension: string;
  quantity: string;
  reported: string;
}

/** A request file: its marketplace folder, its name and its JSON text. */
export interface RecordFile {
  marketplace: Marketplace;
  name: string;
  text: string;
}

export interface MarketplaceRecords {
  files: RecordFile[];
  records: number;
  roundings: Rounding[];
}

export interface MarketplaceBook {
  invoices: readonly Invoice[];
  contracts: readonly Contract[];
  plans: readonly Plan[];
  settings: Pick<Settings, 'marketplace'>;
}

/** The billable quantity per statement and dimension, in contract then dimension order. */
function dimensionUsage(book: MarketplaceBook, period: string): DimensionUsage[] {
  const contracts = new Map(book.contracts.map((contract) => [contract.id, contract]));
  const plans = new Map(book.plans.map((plan) => [plan.code, plan]));
  const usage = new Map<string, DimensionUsage>();
  for (const statement of book.invoices) {
    if (statement.status !== 'marketplace' || statement.period !== period) continue;
    const contract = contracts.get(statement.contract);
    const plan = contract === undefined ? undefined : plans.get(contract.plan);
    const marketplace = contract === undefined ? undefined : MARKETPLACE_OF[contract.channel];
    if (contract === undefined || plan === undefined || marketplace === undefined) continue;
    for (const line of statement.lines) {
      if (line.kind !== 'usage' && line.kind !== 'capacity_overage') continue;
      const dimension =
        line.charge === null ? null : plan.charges[line.charge]?.marketplace_dimension;
      if (dimension === null || dimension === undefined) continue;
      // Two charges naming one dimension report their sum: a marketplace takes one
      // record per customer, dimension and hour.
      const key = `${contract.id}\u0000${dimension}`;
      const known = usage.get(key);
      const quantity = new Dec(line.explanation.priced_quantity ?? '0');
      if (known) known.quantity = known.quantity.plus(quantity);
      else {
        usage.set(key, {
          marketplace,
          contract: contract.id,
          account: contract.marketplace_account ?? '',
          plan: plan.code,
          dimension,
          quantity,
        });
      }
    }
  }
  // Nothing billable is nothing to report (Azure refuses a zero quantity).
  return [...usage.values()]
    .filter((record) => record.quantity.gt(0))
    .sort((a, b) => compareText(a.contract, b.contract) || compareText(a.dimension, b.dimension));
}

/** A JSON number written from exact decimal text, never through a binary float. */
class ExactNumber {
  constructor(readonly text: string) {}
}

const EXACT = '\u0000exact:';

function jsonText(value: unknown): string {
  const text = JSON.stringify(
    value,
    (_key, member: unknown) => (member instanceof ExactNumber ? `${EXACT}${member.text}` : member),
    2,
  );
  return `${text.replace(/"\\u0000exact:([^"]+)"/g, '$1')}\n`;
}

/** A stable UUID-shaped id, so the same record gets the same id on every export. */
function operationId(period: string, usage: DimensionUsage): string {
  const hex = bytesToHex(
    sha256(utf8ToBytes(`${period}\u0000${usage.contract}\u0000${usage.dimension}`)),
  );
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += RECORDS_PER_REQUEST) {
    result.push(items.slice(start, start + RECORDS_PER_REQUEST));
  }
  return result;
}

function requiredSetting(value: string, name: string, marketplace: string): string {
  if (value.trim() === '') {
    throw new UserError(
      `The period has ${marketplace} statements but settings.marketplace.${name} is empty; set it (a bundle's settings) before exporting.`,
    );
  }
  return value;
}

export function marketplaceRecords(book: MarketplaceBook, period: string): MarketplaceRecords {
  const start = `${periodStart(period)}T00:00:00Z`;
  const end = `${lastDayOfPeriod(period)}T23:59:59Z`;
  const usage = dimensionUsage(book, period);
  const roundings: Rounding[] = [];
  const whole = (record: DimensionUsage): string => {
    const reported = record.quantity.ceil();
    if (!reported.eq(record.quantity)) {
      roundings.push({
        contract: record.contract,
        dimension: record.dimension,
        quantity: plain(record.quantity),
        reported: plain(reported),
      });
    }
    return plain(reported);
  };

  const requests: Record<Marketplace, (records: DimensionUsage[]) => unknown> = {
    aws: (records) => ({
      ProductCode: requiredSetting(
        book.settings.marketplace?.aws_product_code ?? '',
        'aws_product_code',
        'AWS',
      ),
      UsageRecords: records.map((record) => ({
        Timestamp: start,
        CustomerAWSAccountId: record.account,
        Dimension: record.dimension,
        Quantity: new ExactNumber(whole(record)),
      })),
    }),
    azure: (records) => ({
      request: records.map((record) => ({
        resourceId: record.account,
        planId: record.plan,
        dimension: record.dimension,
        quantity: new ExactNumber(plain(record.quantity)),
        effectiveStartTime: start,
      })),
    }),
    gcp: (records) => {
      const service = requiredSetting(
        book.settings.marketplace?.gcp_service_name ?? '',
        'gcp_service_name',
        'Google Cloud',
      );
      return {
        operations: records.map((record) => ({
          operationId: operationId(period, record),
          operationName: `Usage report ${period}`,
          consumerId: `project:${record.account}`,
          startTime: start,
          endTime: end,
          metricValueSets: [
            {
              metricName: `${service}/${record.dimension}`,
              metricValues: [{ int64Value: whole(record) }],
            },
          ],
        })),
      };
    },
  };

  const files = MARKETPLACES.flatMap((marketplace) =>
    chunks(usage.filter((record) => record.marketplace === marketplace)).map((records, index) => ({
      marketplace,
      name: `usage-${period}-${String(index + 1).padStart(3, '0')}.json`,
      text: jsonText(requests[marketplace](records)),
    })),
  );
  return { files, records: usage.length, roundings };
}
