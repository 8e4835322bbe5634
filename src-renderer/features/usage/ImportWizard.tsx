import Papa from 'papaparse';
import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Radio, RadioGroup, Label } from 'react-aria-components';
import { isDesktop } from '../../api';
import { DataTable } from '../../ui/DataTable';
import { ErrorNote } from '../../ui/ErrorNote';
import { Count, Counts } from '../../ui/Facts';
import { PageHeader } from '../../ui/PageHeader';
import { Progress } from '../../ui/Progress';
import { ColumnMapper } from './ColumnMapper';
import { mappingProblems } from './columnMapping';
import { useImportWizard, type UsageFormat, type UsagePreview } from './store';

const FORMATS: { value: UsageFormat; label: string }[] = [
  { value: 'csv', label: 'CSV' },
  { value: 'ndjson', label: 'NDJSON (one event per line)' },
  { value: 'cloudevents', label: 'CloudEvents' },
  { value: 'lago', label: 'Lago events' },
];

const STEPS = ['Choose a file', 'Check and map', 'Import', 'Result'] as const;

function Steps({ current }: { current: number }) {
  return (
    <ol className="steps" aria-label="Import steps">
      {STEPS.map((step, index) => (
        <li
          key={step}
          className={index === current ? 'steps__step steps__step--current' : 'steps__step'}
          aria-current={index === current ? 'step' : undefined}
        >
          {step}
        </li>
      ))}
    </ol>
  );
}

function ChooseStep() {
  const { choose, busy, error } = useImportWizard();
  const inputId = useId();
  return (
    <section className="card" aria-labelledby="choose-heading">
      <h2 id="choose-heading" className="card__title">
        Choose the usage file
      </h2>
      <p className="muted">
        A CSV with a header row (comma, semicolon or tab), NDJSON, a CloudEvents batch or Lago
        events. The format is detected; you can change it on the next step.
      </p>
      {isDesktop ? (
        <button
          type="button"
          className="button button--primary"
          onClick={() => void choose()}
          disabled={busy}
        >
          {busy ? 'Reading…' : 'Choose a file…'}
        </button>
      ) : (
        <div className="field">
          <label htmlFor={inputId}>Usage file</label>
          <input
            id={inputId}
            type="file"
            accept=".csv,.tsv,.txt,.json,.ndjson,.jsonl"
            disabled={busy}
            aria-describedby={error ? `${inputId}-error` : undefined}
            onChange={(event) => {
              const picked = event.target.files?.[0];
              if (picked) void choose(picked);
            }}
          />
        </div>
      )}
      <ErrorNote id={`${inputId}-error`} message={error} />
    </section>
  );
}

/** The first rows as the desk will read them: a table for CSV, the raw lines otherwise. */
function PreviewRows({ preview }: { preview: UsagePreview }) {
  if (preview.format !== 'csv' || preview.columns.length === 0) {
    return <pre className="preview-lines">{preview.lines.join('\n')}</pre>;
  }
  const parsed = Papa.parse<string[]>(preview.lines.join('\n'), { skipEmptyLines: true });
  // Numbered as the file numbers its lines: the header is line 1.
  const rows = parsed.data.slice(1).map((cells, index) => ({ line: index + 2, cells }));
  return (
    <DataTable
      scrolls="short"
      caption="The first rows of the file"
      captionHidden
      modifiers={['compact']}
      columns={[
        { header: 'Row', rowHeader: true, cell: (row) => row.line },
        ...preview.columns.map((column, index) => ({
          header: column,
          cell: (row: { cells: string[] }) => row.cells[index] ?? '',
        })),
      ]}
      rows={rows}
      rowKey={(row) => row.line}
    />
  );
}

function ReviewStep() {
  const wizard = useImportWizard();
  const { file, preview, choice, keepValid, busy, error, errorDetails } = wizard;
  const formatId = useId();
  if (!file || !preview) return null;
  const problems = preview.format === 'csv' ? mappingProblems(choice) : {};
  const blocked = Object.keys(problems).length > 0;
  return (
    <>
      <section className="card" aria-labelledby="file-heading">
        <h2 id="file-heading" className="card__title">
          {file.name}
        </h2>
        <div className="toolbar">
          <div className="field">
            <label htmlFor={formatId}>Format</label>
            <select
              id={formatId}
              value={preview.format}
              disabled={busy}
              onChange={(event) => void wizard.changeFormat(event.target.value as UsageFormat)}
            >
              {FORMATS.map((format) => (
                <option key={format.value} value={format.value}>
                  {format.label}
                </option>
              ))}
            </select>
            <p className="field__hint">
              {preview.detected ? 'Detected from the content' : 'As you chose'}
            </p>
          </div>
          <button type="button" className="button" onClick={() => wizard.reset()}>
            Choose another file
          </button>
        </div>
        {preview.format === 'csv' && (
          <ColumnMapper columns={preview.columns} choice={choice} onChange={wizard.setChoice} />
        )}
      </section>
      <section className="card" aria-labelledby="preview-heading">
        <h2 id="preview-heading" className="card__title">
          Preview of the first rows
        </h2>
        <PreviewRows preview={preview} />
      </section>
      <section className="card" aria-labelledby="mode-heading">
        <h2 id="mode-heading" className="card__title">
          When some rows cannot be imported
        </h2>
        <RadioGroup
          className="radio-group"
          value={keepValid ? 'keep' : 'strict'}
          onChange={(value) => wizard.setKeepValid(value === 'keep')}
        >
          <Label className="visually-hidden">When some rows cannot be imported</Label>
          <Radio value="strict" className="radio">
            <span>
              <strong>Strict</strong>: import nothing, and list every row to fix
            </span>
          </Radio>
          <Radio value="keep" className="radio">
            <span>
              <strong>Keep the valid rows</strong>: import them, and list the rejected ones
            </span>
          </Radio>
        </RadioGroup>
        <div className="page-header__actions">
          <button
            type="button"
            className="button button--primary"
            disabled={busy || blocked}
            aria-describedby={blocked ? 'import-blocked' : undefined}
            onClick={() => void wizard.start()}
          >
            Import
          </button>
        </div>
        {blocked && (
          <p id="import-blocked" className="field__hint">
            Choose a column for every required field first.
          </p>
        )}
        <ErrorNote message={error} />
        {errorDetails.length > 0 && (
          <ul className="details-list">
            {errorDetails.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function ImportingStep() {
  const progress = useImportWizard((wizard) => wizard.progress);
  const file = useImportWizard((wizard) => wizard.file);
  return (
    <section className="card" aria-labelledby="importing-heading">
      <h2 id="importing-heading" className="card__title">
        Importing {file?.name}
      </h2>
      <Progress
        label={progress?.stage ?? 'Starting'}
        value={progress?.done ?? 0}
        total={progress?.total}
      />
    </section>
  );
}

function ResultStep() {
  const { result, file, keepValid, reset, setKeepValid, start } = useImportWizard();
  if (!result || !file) return null;
  const stored = result.batch !== null;
  const refused = !stored && result.rejected > 0;
  let summary: ReactNode;
  if (refused) {
    summary = (
      <p className="error-note" role="alert">
        Nothing was stored: {result.rejected} row{result.rejected === 1 ? '' : 's'} cannot be
        imported. Fix {result.rejected === 1 ? 'it' : 'them'} in the file and import it again, or
        keep only the valid rows.
      </p>
    );
  } else if (stored) {
    summary = (
      <p className="notice notice--success" role="status">
        Stored as batch {result.batch}.
        {result.rejected > 0 && ` ${result.rejected} rejected row(s) were left out.`}
      </p>
    );
  } else {
    summary = (
      <p className="notice" role="status">
        Nothing new: every event of this file is already in the book.
      </p>
    );
  }
  return (
    <section className="card" aria-labelledby="result-heading">
      <h2 id="result-heading" className="card__title">
        {file.name}
      </h2>
      {summary}
      <Counts>
        <Count label="Accepted" value={result.accepted} />
        <Count label="Duplicates (already stored)" value={result.duplicates} />
        <Count label="Rejected" value={result.rejected} />
      </Counts>
      {result.errors.length > 0 && (
        <>
          <DataTable
            scrolls="tall"
            caption={`Validation report${keepValid ? '' : ': fix these rows'}`}
            columns={[
              { header: 'Row', numeric: true, className: 'col-narrow', cell: (error) => error.row },
              { header: 'Why it was rejected', cell: (error) => error.reason },
            ]}
            rows={result.errors}
            rowKey={(error) => `${error.row}-${error.reason}`}
          />
          {result.rejected > result.errors.length && (
            <p className="field__hint">
              And {result.rejected - result.errors.length} more rejected rows.
            </p>
          )}
        </>
      )}
      <div className="page-header__actions">
        {refused ? (
          <>
            <button type="button" className="button button--primary" onClick={reset}>
              Choose the fixed file
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setKeepValid(true);
                void start();
              }}
            >
              Import only the valid rows
            </button>
          </>
        ) : (
          <button type="button" className="button button--primary" onClick={reset}>
            Import another file
          </button>
        )}
        <Link className="button" to="/usage">
          Import history
        </Link>
        {stored && (
          <Link className="button" to="/bill-run">
            Go to the bill run
          </Link>
        )}
      </div>
    </section>
  );
}

/** The usage import, step by step: file, format and columns, preview, mode, progress, report. */
export function ImportWizard() {
  const step = useImportWizard((wizard) => wizard.step);
  const current = { choose: 0, review: 1, importing: 2, result: 3 }[step];
  return (
    <>
      <PageHeader
        title="Import usage"
        actions={
          <Link className="button" to="/usage">
            Import history
          </Link>
        }
      />
      <Steps current={current} />
      <div className="stack">
        {step === 'choose' && <ChooseStep />}
        {step === 'review' && <ReviewStep />}
        {step === 'importing' && <ImportingStep />}
        {step === 'result' && <ResultStep />}
      </div>
    </>
  );
}
