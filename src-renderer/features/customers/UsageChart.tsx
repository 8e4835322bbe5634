import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useSession } from '../../app/session';
import { formatQuantity } from '../../format/money';
import type { CustomerUsageData } from './store';

/**
 * A customer's usage, one small chart per meter (meters count different things, so
 * they share no axis), the last months side by side. Bar heights are the only floats;
 * every figure shown is formatted from its decimal string, and the same figures are in
 * a table for a screen reader.
 */
export default function UsageChart({ usage }: { usage: CustomerUsageData }) {
  const locale = useSession((session) => session.locale);
  const month = (period: string) =>
    new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(
      new Date(`${period}-01T00:00:00Z`),
    );
  return (
    <div className="usage-charts">
      {usage.meters.map((meter) => {
        const data = usage.periods.map((period) => {
          const quantity =
            usage.usage.find((row) => row.period === period && row.meter === meter.code)
              ?.quantity ?? '0';
          return { label: month(period), period, quantity, height: Number(quantity) };
        });
        return (
          <figure key={meter.code} className="usage-chart">
            <figcaption className="aging__caption">
              {meter.name} <span className="muted">({meter.unit}s)</span>
              <span className="muted">
                {' '}
                · {usage.periods[0]} to {usage.periods.at(-1)}
              </span>
            </figcaption>
            <div aria-hidden="true">
              <ResponsiveContainer width="100%" height={160}>
                <BarChart
                  data={data}
                  margin={{ top: 8, right: 8, bottom: 0, left: 8 }}
                  accessibilityLayer={false}
                >
                  <CartesianGrid vertical={false} stroke="#e3e7ed" />
                  <XAxis
                    dataKey="label"
                    tickLine={false}
                    axisLine={false}
                    fontSize={12}
                    interval={0}
                  />
                  <YAxis
                    width={64}
                    tickLine={false}
                    axisLine={false}
                    fontSize={12}
                    tickFormatter={(value: number) => formatQuantity(String(value), locale)}
                  />
                  <Tooltip
                    formatter={(_value, _name, item) => [
                      formatQuantity((item.payload as { quantity: string }).quantity, locale),
                      meter.name,
                    ]}
                    cursor={{ fill: '#eef1f5' }}
                  />
                  <Bar
                    dataKey="height"
                    fill="#2454c5"
                    radius={[4, 4, 0, 0]}
                    isAnimationActive={false}
                  />
                </BarChart>
              </ResponsiveContainer>
            </div>
            <table className="visually-hidden">
              <caption>{meter.name} by month</caption>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  <th scope="col">Quantity</th>
                </tr>
              </thead>
              <tbody>
                {data.map((row) => (
                  <tr key={row.period}>
                    <td>{row.period}</td>
                    <td>{formatQuantity(row.quantity, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </figure>
        );
      })}
    </div>
  );
}
