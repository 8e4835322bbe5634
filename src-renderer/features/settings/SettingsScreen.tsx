import {
  useEffect,
  useId,
  useState,
  type ChangeEvent,
  type FormEvent,
  type ReactNode,
} from 'react';
import { numberFormatIssue } from '../../../src-main/domain/number-format';
import { formatDate } from '../../../src-main/domain/locale-format';
import { isDesktop } from '../../api';
import { useSession } from '../../app/session';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { DataTable } from '../../ui/DataTable';
import { ErrorNote } from '../../ui/ErrorNote';
import { TextField } from '../../ui/TextField';
import { PageHeader } from '../../ui/PageHeader';
import { useSettings, type Backup, type SettingsPart, type SettingsView } from './store';

type Settings = SettingsView['settings'];

/** About 1 MB of image, as the settings accept (a logo, not a photograph). */
const MAX_LOGO_BYTES = 1_000_000;

export function SettingsScreen() {
  const view = useSettings((state) => state.view);
  const load = useSettings((state) => state.load);
  const loadError = useSettings((state) => (state.view ? undefined : state.errors.book));
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="stack">
      <PageHeader
        title="Settings"
        subtitle="Who sends the documents, how they are numbered and paid, how email goes out, and where the book is kept."
      />
      <ErrorNote message={loadError} />
      {view ? (
        <>
          <BookSettingsForm key={JSON.stringify(view.settings)} settings={view.settings} />
          <SmtpSettings key={JSON.stringify(view.settings.smtp)} view={view} />
          <DataFolder folder={view.data_folder} />
          <Backups />
        </>
      ) : (
        !loadError && <p className="muted">Reading the settings…</p>
      )}
    </div>
  );
}

// ---------------------------------------------------------------- the book's settings

interface BookFields {
  name: string;
  address: string;
  taxId: string;
  email: string;
  logo: string | null;
  bankName: string;
  iban: string;
  routing: string;
  account: string;
  paymentTerms: string;
  invoiceFormat: string;
  creditNoteFormat: string;
  locale: string;
  pageSize: string;
}

function bookFields(settings: Settings): BookFields {
  const { seller } = settings;
  return {
    name: seller.name,
    address: seller.address.join('\n'),
    taxId: seller.tax_id,
    email: seller.email,
    logo: seller.logo,
    bankName: seller.bank.name,
    iban: seller.bank.iban,
    routing: seller.bank.routing,
    account: seller.bank.account,
    paymentTerms: String(settings.payment_terms_days),
    invoiceFormat: settings.invoice_number_format,
    creditNoteFormat: settings.credit_note_number_format,
    locale: settings.locale,
    pageSize: settings.page_size,
  };
}

function bookPatch(fields: BookFields): Record<string, unknown> {
  return {
    seller: {
      name: fields.name.trim(),
      address: fields.address
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
      tax_id: fields.taxId.trim(),
      email: fields.email.trim(),
      logo: fields.logo,
      bank: {
        name: fields.bankName.trim(),
        iban: fields.iban.trim(),
        routing: fields.routing.trim(),
        account: fields.account.trim(),
      },
    },
    // A number the desk can refuse with its own sentence; text it cannot read stays text.
    payment_terms_days: /^\d+$/.test(fields.paymentTerms.trim())
      ? Number(fields.paymentTerms.trim())
      : fields.paymentTerms,
    invoice_number_format: fields.invoiceFormat,
    credit_note_number_format: fields.creditNoteFormat,
    locale: fields.locale.trim(),
    page_size: fields.pageSize,
  };
}

function BookSettingsForm({ settings }: { settings: Settings }) {
  const [fields, setFields] = useState(() => bookFields(settings));
  const [logoError, setLogoError] = useState<string | null>(null);
  const save = useSettings((state) => state.save);
  const busy = useSettings((state) => state.busy === 'book');
  const invoiceIssue = numberFormatIssue(fields.invoiceFormat);
  const creditNoteIssue = numberFormatIssue(fields.creditNoteFormat);
  const field = (name: keyof BookFields) => (value: string) =>
    setFields((current) => ({ ...current, [name]: value }));

  async function chooseLogo(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    if (file.type !== 'image/png' && file.type !== 'image/jpeg') {
      setLogoError(`${file.name} is not a PNG or JPEG image.`);
      return;
    }
    if (file.size > MAX_LOGO_BYTES) {
      setLogoError(`${file.name} is larger than 1 MB; a logo of a few hundred pixels is enough.`);
      return;
    }
    setLogoError(null);
    const logo = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () =>
        typeof reader.result === 'string'
          ? resolve(reader.result)
          : reject(new Error(`${file.name} could not be read.`));
      reader.onerror = () => reject(new Error(`${file.name} could not be read.`));
      reader.readAsDataURL(file);
    });
    setFields((current) => ({ ...current, logo }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (invoiceIssue || creditNoteIssue) return;
    void save('book', bookPatch(fields));
  }

  return (
    <form className="stack" onSubmit={submit} aria-label="Seller and documents">
      <div className="grid-2">
        <Card title="Seller">
          <TextField label="Name" value={fields.name} onChange={field('name')} />
          <TextField
            label="Address"
            multiline
            value={fields.address}
            onChange={field('address')}
            hint="One line of the address per line."
          />
          <TextField label="Tax ID" value={fields.taxId} onChange={field('taxId')} />
          <TextField label="Email" type="email" value={fields.email} onChange={field('email')} />
          <div className="field">
            <label htmlFor="settings-logo">Logo (PNG or JPEG, up to 1 MB)</label>
            {fields.logo && (
              <img className="settings-logo" src={fields.logo} alt="The seller’s logo" />
            )}
            <input
              id="settings-logo"
              type="file"
              accept="image/png,image/jpeg"
              onChange={(event) => void chooseLogo(event)}
            />
            {fields.logo && (
              <button
                type="button"
                className="button button--quiet"
                onClick={() => setFields((current) => ({ ...current, logo: null }))}
              >
                Remove the logo
              </button>
            )}
            <ErrorNote message={logoError} />
          </div>
        </Card>
        <Card title="Payment">
          <TextField
            label="Payment terms (days)"
            value={fields.paymentTerms}
            onChange={field('paymentTerms')}
            inputMode="numeric"
            hint="Days from the issue date to the due date; 0 means due on receipt. A contract may set its own."
          />
          <p className="muted">
            Bank details, printed under “How to pay” on invoices and statements:
          </p>
          <TextField label="Bank" value={fields.bankName} onChange={field('bankName')} />
          <TextField label="IBAN" value={fields.iban} onChange={field('iban')} />
          <TextField label="Routing number" value={fields.routing} onChange={field('routing')} />
          <TextField label="Account number" value={fields.account} onChange={field('account')} />
        </Card>
      </div>
      <Card title="Documents">
        <div className="grid-2">
          <TextField
            label="Invoice number format"
            value={fields.invoiceFormat}
            onChange={field('invoiceFormat')}
            error={invoiceIssue && `The format ${invoiceIssue}.`}
            hint="{YYYY} is the year, {SEQ:5} the sequence padded to 5 digits: INV-{YYYY}-{SEQ:5}."
          />
          <TextField
            label="Credit note number format"
            value={fields.creditNoteFormat}
            onChange={field('creditNoteFormat')}
            error={creditNoteIssue && `The format ${creditNoteIssue}.`}
            hint="The same placeholders: CN-{YYYY}-{SEQ:5}."
          />
          <TextField
            label="Locale"
            value={fields.locale}
            onChange={field('locale')}
            hint="How documents write amounts and dates: en-US, de-DE, fr-FR, ja-JP…"
          />
          <TextField label="Page size" value={fields.pageSize} onChange={field('pageSize')}>
            <option value="A4">A4</option>
            <option value="Letter">Letter</option>
          </TextField>
        </div>
      </Card>
      <div className="page-header__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={busy || invoiceIssue !== null || creditNoteIssue !== null}
        >
          Save the settings
        </button>
      </div>
      <Outcome part="book" />
    </form>
  );
}

// ---------------------------------------------------------------- email

function SmtpSettings({ view }: { view: SettingsView }) {
  const smtp = view.settings.smtp;
  const [host, setHost] = useState(smtp?.host ?? '');
  const [port, setPort] = useState(String(smtp?.port ?? 587));
  const [secure, setSecure] = useState(smtp?.secure ?? false);
  const [user, setUser] = useState(smtp?.user ?? '');
  const [from, setFrom] = useState(smtp?.from ?? '');
  const [password, setPassword] = useState('');
  const [testTo, setTestTo] = useState(view.settings.seller.email);
  const save = useSettings((state) => state.save);
  const setSmtpPassword = useSettings((state) => state.setPassword);
  const sendTest = useSettings((state) => state.sendTest);
  const busy = useSettings((state) => state.busy);
  const { place, smtp_password_set } = view.smtp_password;

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmedHost = host.trim();
    void save('smtp', {
      smtp:
        trimmedHost === ''
          ? null
          : {
              host: trimmedHost,
              port: /^\d+$/.test(port.trim()) ? Number(port.trim()) : port,
              secure,
              user: user.trim(),
              from: from.trim(),
            },
    });
  }

  return (
    <Card title="Email (SMTP)">
      <form className="stack" onSubmit={submit} aria-label="SMTP server">
        <p className="muted">
          Invoices are emailed through this server. Without a host they wait in the outbox.
        </p>
        <div className="grid-2">
          <TextField label="Host" value={host} onChange={setHost} />
          <TextField label="Port" value={port} inputMode="numeric" onChange={setPort} />
          <TextField label="User" value={user} onChange={setUser} />
          <TextField
            label="From"
            value={from}
            onChange={setFrom}
            hint="The sender; empty means the seller’s email."
          />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={secure} onChange={(e) => setSecure(e.target.checked)} />
          TLS from the start (port 465); otherwise STARTTLS when the server offers it
        </label>
        <div className="page-header__actions">
          <button type="submit" className="button button--primary" disabled={busy === 'smtp'}>
            Save the email settings
          </button>
        </div>
        <Outcome part="smtp" />
      </form>
      <div className="stack">
        <h3 className="card__title">Password</h3>
        {place === 'keychain' ? (
          <form
            className="stack"
            aria-label="SMTP password"
            onSubmit={(event) => {
              event.preventDefault();
              void setSmtpPassword(password).then(() => setPassword(''));
            }}
          >
            <p className="muted">
              {smtp_password_set
                ? 'A password is kept in the system keychain. Enter another to replace it, or save an empty one to forget it.'
                : 'No password is kept yet. It is kept in the system keychain, never in the book or its backups.'}
            </p>
            <TextField
              label="SMTP password"
              type="password"
              value={password}
              onChange={setPassword}
            />
            <div className="page-header__actions">
              <button type="submit" className="button" disabled={busy === 'password'}>
                Keep the password
              </button>
            </div>
            <Outcome part="password" />
          </form>
        ) : (
          <p className="notice">
            The browser mode has no keychain: the desk reads the SMTP password from the
            NEXUS_SMTP_PASSWORD environment variable of <code>nexus-billing serve</code> (
            {smtp_password_set ? 'it is set' : 'it is not set'}).
          </p>
        )}
      </div>
      <form
        className="stack"
        aria-label="Test email"
        onSubmit={(event) => {
          event.preventDefault();
          void sendTest(testTo);
        }}
      >
        <h3 className="card__title">Test email</h3>
        <TextField label="Send a test email to" type="email" value={testTo} onChange={setTestTo} />
        <div className="page-header__actions">
          <button
            type="submit"
            className="button"
            disabled={busy === 'test' || smtp === null || testTo.trim() === ''}
          >
            Send a test email
          </button>
        </div>
        <Outcome part="test" />
      </form>
    </Card>
  );
}

// ---------------------------------------------------------------- folder and backups

function DataFolder({ folder }: { folder: string }) {
  return (
    <Card title="Data folder">
      <p>
        The book is kept in <code className="settings-path">{folder}</code>.
      </p>
      <p className="muted">
        {isDesktop
          ? 'To open another book, start Nexus Billing Desk with --data and its folder; each folder opens in its own window.'
          : 'Another book is opened from the desktop app; here, start nexus-billing serve with --data and its folder.'}
      </p>
    </Card>
  );
}

function Backups() {
  const backups = useSettings((state) => state.backups);
  const restore = useSettings((state) => state.restore);
  const backUpNow = useSettings((state) => state.backUpNow);
  const busy = useSettings((state) => state.busy === 'backups');
  const locale = useSession((session) => session.locale);
  const when = (backup: Backup) =>
    `${formatDate(backup.time.slice(0, 10), locale)} ${backup.time.slice(11, 16)} UTC`;
  return (
    <Card title="Backups">
      <p className="muted">
        The desk backs up the book once a day, before a migration and before each restore; it keeps
        the ten newest. Back up before a change you may want to undo.
      </p>
      <div className="page-header__actions">
        <button type="button" className="button" disabled={busy} onClick={() => void backUpNow()}>
          Back up now
        </button>
      </div>
      <Outcome part="backups" />
      <DataTable
        caption="Backups of the book, newest first"
        captionHidden
        empty="No backup yet."
        columns={[
          { header: 'Taken', cell: (backup) => when(backup) },
          { header: 'Why', cell: (backup) => backup.reason },
          {
            header: 'Size',
            numeric: true,
            cell: (backup) => `${Math.max(1, Math.round(backup.size / 1024))} KB`,
          },
          {
            header: 'Action',
            headerHidden: true,
            cell: (backup) => (
              <ConfirmButton
                label="Restore"
                accessibleName={`Restore the backup of ${when(backup)}`}
                title={`Restore the backup of ${when(backup)}?`}
                confirmLabel="Restore this backup"
                isDisabled={busy}
                onConfirm={() => void restore(backup.name)}
              >
                <p>
                  The book goes back to how it was on {when(backup)}: every change made since then
                  (invoices, payments, customers, settings) leaves the book.
                </p>
                <p>
                  The book as it is now is first saved as a new backup, so this restore can be
                  undone by restoring that one.
                </p>
              </ConfirmButton>
            ),
          },
        ]}
        rows={backups ?? []}
        rowKey={(backup) => backup.name}
      />
    </Card>
  );
}

// ---------------------------------------------------------------- small parts

function Card({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="card stack" aria-labelledby={id}>
      <h2 id={id} className="card__title">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Outcome({ part }: { part: SettingsPart }) {
  const error = useSettings((state) => state.errors[part]);
  const done = useSettings((state) => state.done[part]);
  if (error) return <ErrorNote message={error} />;
  if (!done) return null;
  return (
    <p className="notice notice--success" role="status">
      {done}
    </p>
  );
}
