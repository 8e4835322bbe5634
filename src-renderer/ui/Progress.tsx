import { ProgressBar, Label } from 'react-aria-components';

/** A long job's progress; without a total it shows that work goes on. */
export function Progress({
  label,
  value,
  total,
}: {
  label: string;
  value: number;
  total?: number;
}) {
  const determinate = total !== undefined && total > 0;
  return (
    <ProgressBar
      className="progress"
      value={determinate ? value : undefined}
      maxValue={determinate ? total : undefined}
      isIndeterminate={!determinate}
    >
      {({ percentage, valueText }) => (
        <>
          <div className="progress__labels">
            <Label>{label}</Label>
            <span className="progress__value">{valueText}</span>
          </div>
          <div className="progress__track">
            <div
              className="progress__fill"
              style={{ width: determinate ? `${percentage ?? 0}%` : '40%' }}
            />
          </div>
        </>
      )}
    </ProgressBar>
  );
}
