/**
 * The renderer's one way to the data: a typed client of the API contract over
 * whichever transport the app runs on (Electron's preload, or HTTP in the browser
 * mode). Screens call `api.listInvoices({...})` and never know which.
 */
import {
  FILE_NAME_HEADER,
  PROCEDURE_NAMES,
  TOKEN_HEADER,
  type Api,
  type ApiErrorBody,
  type ChosenFile,
  type DesktopBridge,
  type JobProgress,
  type JobStatus,
  type Outcome,
  type ProcedureName,
} from '../../src-main/api/contract';

/** A call the desk refused or could not carry out; `message` is one sentence for the user. */
export class ApiError extends Error {
  readonly code: ApiErrorBody['code'];
  readonly details: readonly string[];

  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.details = body.details;
  }
}

export type Transport = (procedure: ProcedureName, input: unknown) => Promise<Outcome>;

export function createApi(transport: Transport): Api {
  const call = async (procedure: ProcedureName, input: unknown) => {
    const outcome = await transport(procedure, input ?? {});
    if (!outcome.ok) throw new ApiError(outcome.error);
    return outcome.value;
  };
  return Object.fromEntries(
    PROCEDURE_NAMES.map((procedure) => [procedure, (input: unknown) => call(procedure, input)]),
  ) as Api;
}

/** Over the preload's named functions (the desktop window). */
export function desktopTransport(bridge: DesktopBridge): Transport {
  return (procedure, input) => bridge.api[procedure](input);
}

const unreachable = (message: string): Outcome => ({
  ok: false,
  error: { code: 'internal', message, details: [] },
});

/** Over the local HTTP API (the browser mode), with the run's token on every request. */
export function httpTransport(token: string, base = ''): Transport {
  return async (procedure, input) => {
    let response: Response;
    try {
      response = await fetch(`${base}/api/rpc/${procedure}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(input),
      });
    } catch {
      return unreachable('The desk is not reachable: is `nexus-billing serve` still running?');
    }
    return readOutcome(response);
  };
}

async function readOutcome(response: Response): Promise<Outcome> {
  try {
    return (await response.json()) as Outcome;
  } catch {
    return unreachable(`The desk answered ${response.status} without a result.`);
  }
}

/** Sends a file picked in the browser to the desk; answers what `chooseUsageFile` does on the desktop. */
export async function uploadFile(file: File, token: string, base = ''): Promise<ChosenFile> {
  const response = await fetch(`${base}/api/upload`, {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      [TOKEN_HEADER]: token,
      [FILE_NAME_HEADER]: encodeURIComponent(file.name),
    },
    body: file,
  });
  const outcome = await readOutcome(response);
  if (!outcome.ok) throw new ApiError(outcome.error);
  return outcome.value as ChosenFile;
}

export type FinishedJob = Extract<JobStatus, { state: 'done' }>;

/**
 * Polls a long job until it ends, reporting its progress; resolves with its result
 * or rejects with its error (an ApiError, code `refused`).
 */
export async function followJob(
  api: Pick<Api, 'jobStatus'>,
  job: string,
  onProgress: (progress: JobProgress) => void = () => {},
  intervalMs = 200,
): Promise<FinishedJob> {
  for (;;) {
    const status = await api.jobStatus({ job });
    onProgress(status.progress);
    if (status.state === 'done') return status;
    if (status.state === 'failed') {
      throw new ApiError({ code: 'refused', message: status.error, details: [] });
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
