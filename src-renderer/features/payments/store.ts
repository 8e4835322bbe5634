import { create } from 'zustand';
import type {
  BankImportResult,
  ChosenFile,
  PaymentRecordView,
  ProcedureInput,
  ProcedureOutput,
} from '../../../src-main/api/contract';
import { api, chooseOrUpload } from '../../api';
import { messageOf } from '../../app/errors';
import { guessedMap, unmappedFields } from './bankFields';

export type PaymentFilter = ProcedureInput<'listPayments'>;
export type AgingReport = ProcedureOutput<'aging'>;

interface PaymentList {
  filter: PaymentFilter;
  payments: PaymentRecordView[] | null;
  error: string | null;
  show: (filter: PaymentFilter) => Promise<void>;
  reload: () => Promise<void>;
}

export const usePaymentList = create<PaymentList>((set, get) => ({
  filter: {},
  payments: null,
  error: null,
  async show(filter) {
    set({ filter });
    try {
      const { payments } = await api.listPayments(filter);
      // A later filter may have been asked for while this one was loading.
      if (get().filter === filter) set({ payments, error: null });
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },
  reload: () => get().show(get().filter),
}));

interface Aging {
  asOf: string | null;
  report: AgingReport | null;
  error: string | null;
  show: (asOf: string) => Promise<void>;
}

export const useAging = create<Aging>((set, get) => ({
  asOf: null,
  report: null,
  error: null,
  async show(asOf) {
    set({ asOf });
    try {
      const report = await api.aging({ as_of: asOf });
      if (get().asOf === asOf) set({ report, error: null });
    } catch (error) {
      set({ error: messageOf(error), report: null });
    }
  },
}));

/** How the desk reads a bank file: the CLI's import-payments options. */
export interface BankFileOptions {
  decimal_comma: boolean;
  encoding: 'utf-8' | 'windows-1252';
  method: NonNullable<ProcedureInput<'importPayments'>['method']>;
  /** Bank field → the file's column, for the fields whose column has another name. */
  map: Record<string, string>;
}

export type BankImportStep = 'choose' | 'preview' | 'done';

interface BankImport {
  step: BankImportStep;
  file: ChosenFile | null;
  /** The file's header names, for the column choices. */
  columns: string[];
  options: BankFileOptions;
  /** The dry run: what recording would do. */
  preview: BankImportResult | null;
  result: BankImportResult | null;
  error: string | null;
  busy: boolean;
  choose: (picked?: File) => Promise<void>;
  setOptions: (options: Partial<BankFileOptions>) => void;
  /** The file's header as the import reads it with the chosen encoding, then a new match. */
  readHeader: () => Promise<void>;
  match: () => Promise<void>;
  record: () => Promise<void>;
  reset: () => void;
}

const freshImport = {
  step: 'choose' as BankImportStep,
  file: null,
  columns: [],
  options: { decimal_comma: false, encoding: 'utf-8', method: 'wire', map: {} } as BankFileOptions,
  preview: null,
  result: null,
  error: null,
  busy: false,
};

const importInput = (file: ChosenFile, options: BankFileOptions) => ({
  file: file.file,
  decimal_comma: options.decimal_comma,
  encoding: options.encoding,
  method: options.method,
  map: options.map,
});

export const useBankImport = create<BankImport>((set, get) => ({
  ...freshImport,
  async choose(picked) {
    set({ busy: true, error: null, preview: null, result: null });
    try {
      const file = await chooseOrUpload(picked);
      if (file === null) {
        set({ busy: false });
        return;
      }
      set({ file, columns: [], options: { ...get().options, map: {} } });
      await get().readHeader();
    } catch (error) {
      set({ error: messageOf(error), busy: false });
    }
  },
  setOptions(options) {
    const before = get();
    set({ options: { ...before.options, ...options } });
    // The header is decoded as the rows are, so another encoding reads other names.
    const headerToRead =
      before.columns.length === 0 ||
      (options.encoding !== undefined && options.encoding !== before.options.encoding);
    // The preview always shows the file as these options read it: never a stale one.
    void (headerToRead ? get().readHeader() : get().match());
  },
  async readHeader() {
    const { file, options } = get();
    if (!file) return;
    set({ busy: true, error: null });
    const outdated = () => get().file !== file || get().options.encoding !== options.encoding;
    try {
      const { columns } = await api.bankFileColumns({
        file: file.file,
        encoding: options.encoding,
      });
      if (outdated()) return;
      // Columns chosen under another encoding keep their choice where the name still stands.
      const kept = Object.entries(get().options.map).filter(([, column]) =>
        columns.includes(column),
      );
      const map = { ...guessedMap(columns), ...Object.fromEntries(kept) };
      set({ columns, options: { ...get().options, map } });
      await get().match();
    } catch (error) {
      if (!outdated()) {
        set({ columns: [], error: messageOf(error), preview: null, step: 'preview', busy: false });
      }
    }
  },
  async match() {
    const { file, options, columns } = get();
    if (!file) return;
    if (unmappedFields(columns, options.map).length > 0) {
      // The screen asks for the missing columns; the desk would only refuse the file.
      set({ preview: null, step: 'preview', busy: false, error: null });
      return;
    }
    set({ busy: true, error: null });
    // Options changed while this match ran: the later match answers instead.
    const outdated = () => get().options !== options || get().file !== file;
    try {
      const preview = await api.previewPaymentImport(importInput(file, options));
      if (!outdated()) set({ preview, step: 'preview', busy: false });
    } catch (error) {
      if (!outdated()) {
        set({ error: messageOf(error), preview: null, step: 'preview', busy: false });
      }
    }
  },
  async record() {
    const { file, options } = get();
    if (!file) return;
    set({ busy: true, error: null });
    try {
      const result = await api.importPayments(importInput(file, options));
      set({ result, step: 'done', busy: false });
      void usePaymentList.getState().reload();
    } catch (error) {
      set({ error: messageOf(error), busy: false });
    }
  },
  reset: () => set(freshImport),
}));
