/**
 * Long jobs (usage import, bill run): started by one call that answers a job id at
 * once, then followed by polling `jobStatus`. Polling works the same over IPC and
 * HTTP, survives a reload of the window, and needs no server push.
 */
import { randomUUID } from 'node:crypto';
import { UserError } from '../domain/errors';
import type { JobProgress, JobStatus } from './contract';

type JobKind = JobStatus['kind'];
type ResultOf<Kind extends JobKind> = Extract<JobStatus, { state: 'done'; kind: Kind }>['result'];

/** Finished jobs kept for a late poll; older ones are forgotten. */
const KEPT_FINISHED = 50;

export class JobRegistry {
  private readonly jobs = new Map<string, JobStatus>();
  private readonly running = new Set<Promise<unknown>>();

  /** Starts `work` now; it reports progress through the function it is given. */
  start<Kind extends JobKind>(
    kind: Kind,
    stage: string,
    work: (report: (progress: JobProgress) => void) => Promise<ResultOf<Kind>>,
  ): string {
    const id = randomUUID();
    this.jobs.set(id, { id, kind, state: 'running', progress: { done: 0, total: 0, stage } });
    const report = (progress: JobProgress) => {
      const job = this.jobs.get(id);
      if (job?.state === 'running') job.progress = progress;
    };
    const finish = (status: JobStatus) => {
      this.jobs.set(id, status);
      this.forgetOldJobs();
    };
    const run = work(report).then(
      (result) => finish({ ...this.current(id), state: 'done', kind, result } as JobStatus),
      (error: unknown) =>
        finish({ ...this.current(id), kind, state: 'failed', error: describeFailure(error) }),
    );
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
    return id;
  }

  status(id: string): JobStatus {
    const job = this.jobs.get(id);
    if (!job)
      throw new UserError(`There is no job '${id}' (jobs are forgotten when the desk stops).`);
    return structuredClone(job);
  }

  /** Waits for every running job: the store is closed only after them. */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  private current(id: string): { id: string; progress: JobProgress } {
    const job = this.jobs.get(id);
    return { id, progress: job?.progress ?? { done: 0, total: 0, stage: '' } };
  }

  private forgetOldJobs(): void {
    const finished = [...this.jobs.values()].filter((job) => job.state !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - KEPT_FINISHED))) {
      this.jobs.delete(job.id);
    }
  }
}

function describeFailure(error: unknown): string {
  if (error instanceof UserError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `Internal error (please report it): ${message}`;
}
