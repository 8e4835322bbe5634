import { create } from 'zustand';
import type {
  ChosenFile,
  ImportResult,
  JobProgress,
  ProcedureOutput,
  UsageBatchView,
} from '../../../src-main/api/contract';
import { api, chooseOrUpload, followJob } from '../../api';
import { detailsOf, messageOf } from '../../app/errors';
import { initialChoice, mapOf, type ColumnChoice } from './columnMapping';

export type UsagePreview = ProcedureOutput<'previewUsageFile'>;
export type UsageFormat = UsagePreview['format'];

interface UsageHistory {
  batches: UsageBatchView[] | null;
  error: string | null;
  /** A refused rollback, shown on its batch's row. */
  rollbackErrors: Record<string, string>;
  load: () => Promise<void>;
  rollback: (batch: string) => Promise<void>;
}

export const useUsageHistory = create<UsageHistory>((set, get) => ({
  batches: null,
  error: null,
  rollbackErrors: {},
  async load() {
    try {
      set({ batches: await api.usageBatches({}), error: null });
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },
  async rollback(batch) {
    const { [batch]: _previous, ...others } = get().rollbackErrors;
    set({ rollbackErrors: others });
    try {
      await api.rollbackBatch({ batch });
      await get().load();
    } catch (error) {
      set({ rollbackErrors: { ...get().rollbackErrors, [batch]: messageOf(error) } });
    }
  },
}));

export type WizardStep = 'choose' | 'review' | 'importing' | 'result';

interface ImportWizard {
  step: WizardStep;
  file: ChosenFile | null;
  preview: UsagePreview | null;
  choice: ColumnChoice;
  keepValid: boolean;
  progress: JobProgress | null;
  result: ImportResult | null;
  /** Why choosing, reading or importing the file failed, with the rows it names. */
  error: string | null;
  errorDetails: readonly string[];
  busy: boolean;
  /** The desktop asks the main process's dialog; the browser hands over the picked File. */
  choose: (picked?: File) => Promise<void>;
  changeFormat: (format: UsageFormat) => Promise<void>;
  setChoice: (choice: ColumnChoice) => void;
  setKeepValid: (keepValid: boolean) => void;
  start: () => Promise<void>;
  reset: () => void;
}

const fresh = {
  step: 'choose' as WizardStep,
  file: null,
  preview: null,
  choice: {},
  keepValid: false,
  progress: null,
  result: null,
  error: null,
  errorDetails: [],
  busy: false,
};

export const useImportWizard = create<ImportWizard>((set, get) => {
  const fail = (error: unknown, step: WizardStep) =>
    set({ error: messageOf(error), errorDetails: detailsOf(error), busy: false, step });

  const read = async (file: ChosenFile, format?: UsageFormat) => {
    const preview = await api.previewUsageFile({ file: file.file, format });
    set({
      file,
      preview,
      choice: initialChoice(preview.columns),
      step: 'review',
      busy: false,
      error: null,
      errorDetails: [],
    });
  };

  return {
    ...fresh,
    async choose(picked) {
      set({ busy: true, error: null, errorDetails: [], result: null });
      try {
        const file = await chooseOrUpload(picked);
        if (file === null) {
          set({ busy: false });
          return;
        }
        await read(file);
      } catch (error) {
        fail(error, 'choose');
      }
    },
    async changeFormat(format) {
      const { file } = get();
      if (!file) return;
      set({ busy: true });
      try {
        await read(file, format);
      } catch (error) {
        fail(error, 'review');
      }
    },
    setChoice: (choice) => set({ choice }),
    setKeepValid: (keepValid) => set({ keepValid }),
    async start() {
      const { file, preview, choice, keepValid } = get();
      if (!file || !preview) return;
      set({ step: 'importing', busy: true, progress: null, error: null, errorDetails: [] });
      try {
        const { job } = await api.startUsageImport({
          file: file.file,
          format: preview.format,
          map: preview.format === 'csv' ? mapOf(choice) : undefined,
          keep_valid: keepValid,
        });
        const finished = await followJob(api, job, (progress) => set({ progress }));
        if (finished.kind !== 'usage_import') throw new Error('the job is no usage import');
        set({ result: finished.result, step: 'result', busy: false });
        void useUsageHistory.getState().load();
      } catch (error) {
        fail(error, 'review');
      }
    },
    reset: () => set(fresh),
  };
});
