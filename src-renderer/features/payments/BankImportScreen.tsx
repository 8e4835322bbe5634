import { useEffect, useId, type Key } from 'react';
import { Link } from 'react-router';
import type { BankImportResult } from '../../../src-main/api/contract';
import { BANK_FILE_ENCODINGS } from '../../../src-main/domain/bank-rows';
import { isDesktop } from '../../api';
import { useCustomerName } from '../../app/session';
import { ErrorNote } from '../../ui/ErrorNote';
import { Count, Counts } from '../../ui/Facts';
import { DataTable, type Column } from '../../ui/DataTable';
import { Money } from '../../ui/Money';
import { PageHeader } from '../../ui/PageHeader';
import { TextField } from '../../ui/TextField';
import { ReceiptMethodOptions } from '../invoices/PaymentForm';
import { BANK_FIELDS, unmappedFields } from './bankFields';
import { useBankImport, type BankFileOptions } from './store';

const ENCODING_LABELS: Record<BankFileOptions['encoding'], string> = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252 (older European bank exports)',
};

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;

function FileChoice() {
  const { choose, busy, file } = useBankImport();
  const id = useId();
  if (isDesktop) {
    return (
      <button type="button" className="button" onClick={() => void choose()} disabled={busy}>
        {file ? `${file.name}: choose another…` : 'Choose the bank file…'}
      </button>
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>Bank or processor file (CSV)</label>
      <input
        id={id}
        type="file"
        accept=".csv,.tsv,.txt"
        disabled={busy}
        onChange={(event) => {
          const picked = event.target.files?.[0];
          if (picked) void choose(picked);
        }}
      />
    </div>
  );
}

/** How the file is read: the options of import-payments on the command line. */
function ReadingOptions() {
  const { options, setOptions, columns, file } = useBankImport();
  const id = useId();
  const columnOf = (field: string) => options.map[field] ?? '';
  const setColumn = (field: string, column: string) => {
    const { [field]: _previous, ...others } = options.map;
    setOptions({ map: column === '' ? others : { ...others, [field]: column } });
  };
  return (
    <section className="card stack" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="card__title">
        How the file is read
      </h2>
      <p className="muted">
        The separator (comma, semicolon or tab) is the one the header uses. Every change here
        matches the rows again; nothing is recorded until you say so below.
      </p>
      <div className="toolbar">
        <TextField
          label="Text encoding"
          value={options.encoding}
          onChange={(value) => setOptions({ encoding: value as BankFileOptions['encoding'] })}
        >
          {BANK_FILE_ENCODINGS.map((encoding) => (
            <option key={encoding} value={encoding}>
              {ENCODING_LABELS[encoding]}
            </option>
          ))}
        </TextField>
        <TextField
          label="Method of rows without one"
          value={options.method}
          onChange={(value) => setOptions({ method: value as BankFileOptions['method'] })}
        >
          <ReceiptMethodOptions />
        </TextField>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={options.decimal_comma}
            onChange={(event) => setOptions({ decimal_comma: event.target.checked })}
          />
          Amounts use a decimal comma (1.234,56)
        </label>
      </div>
      {file && columns.length > 0 && (
        <fieldset className="column-mapper">
          <legend>Columns</legend>
          <p className="muted">
            A field whose column has its own name needs no choice; pick the column for the others.
          </p>
          <div className="column-mapper__grid">
            {BANK_FIELDS.map(({ field, label, required }) => (
              <div className="field" key={field}>
                <label htmlFor={`${id}-map-${field}`}>
                  {label}
                  {required ? '' : ' (optional)'}
                </label>
                <select
                  id={`${id}-map-${field}`}
                  value={columnOf(field)}
                  onChange={(event) => setColumn(field, event.target.value)}
                >
                  <option value="">
                    {columns.includes(field) ? `“${field}”` : required ? 'Choose…' : 'None'}
                  </option>
                  {columns.map((column) => (
                    <option key={column} value={column}>
                      {column}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
          <Unmapped />
        </fieldset>
      )}
    </section>
  );
}

function Unmapped() {
  const { columns, options } = useBankImport();
  const missing = unmappedFields(columns, options.map);
  if (missing.length === 0) return null;
  return (
    <p className="notice" role="status">
      The file has no column named as {missing.join(', ')}: choose{' '}
      {missing.length === 1 ? 'it' : 'them'} above to see how the rows match.
    </p>
  );
}

/** One part of the import's report, under a caption that counts its rows; nothing when empty. */
function ReportRows<Row>({
  title,
  columns,
  rows,
  rowKey,
}: {
  title: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => Key;
}) {
  if (rows.length === 0) return null;
  return (
    <DataTable
      scrolls="short"
      caption={`${title} (${plural(rows.length, 'row')})`}
      modifiers={['compact']}
      className="report-rows"
      columns={columns}
      rows={rows}
      rowKey={rowKey}
    />
  );
}

function MatchedRows({ result }: { result: BankImportResult }) {
  const customerName = useCustomerName();
  return (
    <ReportRows
      title={result.dry_run ? 'Matched: to be recorded' : 'Recorded'}
      columns={[
        { header: 'Row', rowHeader: true, cell: (payment) => payment.row },
        { header: 'Date', className: 'cell--nowrap', cell: (payment) => payment.date },
        {
          header: 'Invoice',
          className: 'cell--nowrap',
          cell: (payment) => (
            <Link to={`/invoices/${encodeURIComponent(payment.invoice)}`}>{payment.invoice}</Link>
          ),
        },
        { header: 'Customer', cell: (payment) => customerName(payment.customer) },
        {
          header: 'Amount',
          numeric: true,
          cell: (payment) => <Money amount={payment.amount} currency={payment.currency} />,
        },
        { header: 'Reference', className: 'cell--reference', cell: (payment) => payment.reference },
        {
          header: 'Note',
          cell: (payment) =>
            payment.overpayment_credit !== null && (
              <>
                <Money amount={payment.overpayment_credit} currency={payment.currency} /> beyond the
                balance becomes credit
              </>
            ),
        },
      ]}
      rows={result.payments}
      rowKey={(payment) => payment.row}
    />
  );
}

function UnmatchedRows({ result }: { result: BankImportResult }) {
  return (
    <ReportRows
      title="Not matched: not recorded"
      columns={[
        { header: 'Row', rowHeader: true, cell: (unmatched) => unmatched.row },
        { header: 'Why', cell: (unmatched) => unmatched.reason },
      ]}
      rows={result.unmatched}
      rowKey={(unmatched) => unmatched.row}
    />
  );
}

function AlreadyRecordedRows({ result }: { result: BankImportResult }) {
  return (
    <ReportRows
      title="Already recorded: skipped"
      columns={[
        { header: 'Row', rowHeader: true, cell: (row) => row.row },
        { header: 'Date', className: 'cell--nowrap', cell: (row) => row.date },
        { header: 'Invoice', className: 'cell--nowrap', cell: (row) => row.invoice },
        {
          header: 'Amount',
          numeric: true,
          cell: (row) => <Money amount={row.amount} currency={row.currency} />,
        },
        { header: 'Reference', className: 'cell--reference', cell: (row) => row.reference },
      ]}
      rows={result.already_recorded}
      rowKey={(row) => row.row}
    />
  );
}

function Report({ result }: { result: BankImportResult }) {
  const { record, busy, reset } = useBankImport();
  const id = useId();
  const matched = result.payments.length;
  return (
    <section className="card stack" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="card__title">
        {result.dry_run ? 'How the rows match' : 'Recorded'}
      </h2>
      <Counts>
        <Count label={result.dry_run ? 'To record' : 'Recorded'} value={matched} />
        <Count label="Already recorded" value={result.duplicates} />
        <Count label="Not matched" value={result.unmatched.length} />
      </Counts>
      <MatchedRows result={result} />
      <UnmatchedRows result={result} />
      <AlreadyRecordedRows result={result} />
      {result.dry_run ? (
        <div className="actions">
          <button
            type="button"
            className="button button--primary"
            disabled={busy || matched === 0}
            onClick={() => void record()}
          >
            {matched === 0
              ? 'Nothing to record'
              : `Record the ${plural(matched, 'matched payment')}`}
          </button>
          {result.unmatched.length > 0 && (
            <p className="muted">
              Rows not matched stay unrecorded; record them by hand or fix the file and import it
              again (rows already recorded are skipped).
            </p>
          )}
        </div>
      ) : (
        <div className="actions">
          <Link className="button button--primary" to="/payments">
            See the payments
          </Link>
          <Link className="button" to="/payments/aging">
            See the aging
          </Link>
          <button type="button" className="button button--quiet" onClick={reset}>
            Import another file
          </button>
        </div>
      )}
    </section>
  );
}

/**
 * A bank's or card processor's CSV: read with the options of import-payments, then a
 * matching preview (the import's own dry run) before anything is recorded.
 */
export function BankImportScreen() {
  const { preview, result, error, step, reset } = useBankImport();
  useEffect(() => reset, [reset]);
  const shown = step === 'done' ? result : preview;
  return (
    <>
      <PageHeader
        title="Import a bank file"
        subtitle={
          <>
            <Link to="/payments">Payments</Link> · Each row is matched to an invoice by its invoice
            column, else by an invoice number in its reference.
          </>
        }
      />
      <div className="stack">
        {step !== 'done' && (
          <>
            <section className="card stack" aria-label="The file">
              <FileChoice />
            </section>
            <ReadingOptions />
          </>
        )}
        <ErrorNote message={error} />
        {shown && <Report result={shown} />}
      </div>
    </>
  );
}
