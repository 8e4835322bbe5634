import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useSession } from '../../app/session';
import { formatAmount } from '../../format/money';
import { DataTable } from '../../ui/DataTable';
import { Money } from '../../ui/Money';

export const AGING_BUCKETS = [
  { key: 'current', label: 'Not yet due' },
  { key: 'd1_30', label: '1–30 days' },
  { key: 'd31_60', label: '31–60 days' },
  { key: 'd61_90', label: '61–90 days' },
  { key: 'over_90', label: 'Over 90 days' },
] as const;

type BucketKey = (typeof AGING_BUCKETS)[number]['key'];
export type AgingByCurrency = { currency: string; total: string } & Record<BucketKey, string>;

/**
 * What customers owe by how late it is, one chart per currency (amounts never add
 * across currencies). The bars' heights are the only place an amount becomes a
 * float, for drawing; every figure shown is formatted from its decimal string, and
 * the same figures are in a table for a screen reader.
 */
function CurrencyAging({ aging }: { aging: AgingByCurrency }) {
  const locale = useSession((session) => session.locale);
  const data = AGING_BUCKETS.map((bucket) => ({
    label: bucket.label,
    amount: aging[bucket.key],
    height: Number(aging[bucket.key]),
  }));
  const money = (amount: string) => formatAmount(amount, aging.currency, locale);
  return (
    <figure className="aging">
      <figcaption className="aging__caption">
        {aging.currency}: <Money amount={aging.total} currency={aging.currency} /> owed
      </figcaption>
      <div className="aging__chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height={200}>
          <BarChart
            data={data}
            margin={{ top: 8, right: 8, bottom: 0, left: 8 }}
            // The table below is what assistive technology reads; the drawing takes no focus.
            accessibilityLayer={false}
          >
            <CartesianGrid vertical={false} stroke="#e3e7ed" />
            <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={12} />
            <YAxis
              width={80}
              tickLine={false}
              axisLine={false}
              fontSize={12}
              tickFormatter={(value: number) => money(String(value))}
            />
            <Tooltip
              formatter={(_value, _name, item) => [
                money((item.payload as { amount: string }).amount),
                'Owed',
              ]}
              cursor={{ fill: '#eef1f5' }}
            />
            <Bar dataKey="height" fill="#2454c5" radius={[4, 4, 0, 0]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <DataTable
        caption={`Aging of what is owed in ${aging.currency}`}
        captionHidden
        modifiers={['compact']}
        columns={AGING_BUCKETS.map((bucket) => ({
          header: bucket.label,
          numeric: true,
          cell: (row: AgingByCurrency) => (
            <Money amount={row[bucket.key]} currency={row.currency} />
          ),
        }))}
        rows={[aging]}
        rowKey={(row) => row.currency}
      />
    </figure>
  );
}

export default function AgingChart({ currencies }: { currencies: AgingByCurrency[] }) {
  return (
    <div className="aging-list">
      {currencies.map((aging) => (
        <CurrencyAging key={aging.currency} aging={aging} />
      ))}
    </div>
  );
}
