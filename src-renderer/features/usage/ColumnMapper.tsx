import { useId } from 'react';
import { mappingProblems, propertyColumns, USAGE_FIELDS, type ColumnChoice } from './columnMapping';

/**
 * The wizard's mapping step: for each event field, the column of the file it is read
 * from. Problems show beside their field; the columns left over are listed as what
 * becomes the event's properties.
 */
export function ColumnMapper({
  columns,
  choice,
  onChange,
}: {
  columns: readonly string[];
  choice: ColumnChoice;
  onChange: (choice: ColumnChoice) => void;
}) {
  const id = useId();
  const problems = mappingProblems(choice);
  const properties = propertyColumns(columns, choice);
  return (
    <fieldset className="column-mapper">
      <legend>Which column holds each field</legend>
      <div className="column-mapper__grid">
        {USAGE_FIELDS.map((field) => {
          const fieldId = `${id}-${field.name}`;
          const problem = problems[field.name];
          return (
            <div className="field" key={field.name}>
              <label htmlFor={fieldId}>
                {field.label}
                {field.required ? '' : ' (optional)'}
              </label>
              <select
                id={fieldId}
                value={choice[field.name] ?? ''}
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? `${fieldId}-problem` : undefined}
                onChange={(event) => {
                  const next = { ...choice };
                  if (event.target.value === '') delete next[field.name];
                  else next[field.name] = event.target.value;
                  onChange(next);
                }}
              >
                <option value="">{field.required ? 'Choose a column…' : 'None'}</option>
                {columns.map((column) => (
                  <option key={column} value={column}>
                    {column}
                  </option>
                ))}
              </select>
              {problem && (
                <p id={`${fieldId}-problem`} className="field__error">
                  {problem}
                </p>
              )}
            </div>
          );
        })}
      </div>
      <p className="field__hint">
        {properties.length === 0
          ? 'Every column is read as a field; the events get no properties.'
          : `Kept as properties of each event: ${properties.join(', ')}.`}
      </p>
    </fieldset>
  );
}
