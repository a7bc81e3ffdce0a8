import { Worker } from 'node:worker_threads';
import { UnavailableError } from '../shared/errors.ts';
import { CourseTooSlowError } from './course-too-slow-error.ts';
import type { CourseWorkerMessage, CourseWorkerResults, CourseWorkerTask } from './course-worker-tasks.ts';

export interface CourseWorkerPoolOptions {
  /** Workers at most, each started when first needed and then kept. */
  size?: number;
  /** How long a task may run once a worker has it, unless the call gives its own. */
  deadlineMs?: number;
  /** Tasks that may wait for a free worker; more are refused as unavailable. */
  maxWaiting?: number;
}

interface Job {
  id: number;
  task: CourseWorkerTask;
  deadlineMs: number;
  resolve: (result: CourseWorkerResults[CourseWorkerTask['kind']]) => void;
  reject: (error: Error) => void;
}

const bootstrap = new URL('./course-worker-bootstrap.mjs', import.meta.url);
const entry = new URL('./course-worker.ts', import.meta.url).href;
/** Starting a worker compiles the catalog's code: slow on a busy machine, but never this slow. */
const startDeadlineMs = 30_000;

/**
 * Worker threads that check and render untrusted course text (course-worker.ts) with a deadline: a task
 * over it has its worker terminated and fails with CourseTooSlowError, naming the file the worker was on,
 * while the main thread keeps serving. Workers are reused, so only the first task pays their start-up.
 */
export class CourseWorkerPool {
  readonly size: number;
  readonly deadlineMs: number;
  private readonly maxWaiting: number;
  private readonly workers = new Set<PoolWorker>();
  private readonly waiting: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: CourseWorkerPoolOptions = {}) {
    this.size = options.size ?? 2;
    this.deadlineMs = options.deadlineMs ?? 2_000;
    this.maxWaiting = options.maxWaiting ?? 32;
  }

  run<K extends CourseWorkerTask['kind']>(
    task: Extract<CourseWorkerTask, { kind: K }>,
    deadlineMs = this.deadlineMs,
  ): Promise<CourseWorkerResults[K]> {
    if (this.closed) return Promise.reject(new UnavailableError('the course worker pool is closed'));
    if (this.waiting.length >= this.maxWaiting)
      return Promise.reject(new UnavailableError('too many course checks are waiting'));
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.waiting.push({ id, task, deadlineMs, resolve: resolve as Job['resolve'], reject });
      this.dispatch();
    });
  }

  /** Stops every worker and refuses what waits; for tests and shutdown. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0)) job.reject(new UnavailableError('the course worker pool is closed'));
    await Promise.all([...this.workers].map((w) => w.stop()));
    this.workers.clear();
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      let worker = [...this.workers].find((w) => w.isFree);
      if (!worker && this.workers.size < this.size) {
        worker = new PoolWorker(
          () => this.dispatch(),
          (gone) => {
            this.workers.delete(gone);
            this.dispatch();
          },
        );
        this.workers.add(worker);
      }
      if (!worker) return;
      worker.take(this.waiting.shift()!);
    }
  }

  private static sharedPool: CourseWorkerPool | undefined;

  /** The process's pool, started on first use. */
  static shared(): CourseWorkerPool {
    CourseWorkerPool.sharedPool ??= new CourseWorkerPool();
    return CourseWorkerPool.sharedPool;
  }
}

/** One worker thread: it runs one job at a time and is thrown away when a job overruns or it dies. */
class PoolWorker {
  private readonly worker: Worker;
  private ready = false;
  private gone = false;
  private job: Job | undefined;
  private file: string | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly onFree: () => void,
    private readonly onGone: (worker: PoolWorker) => void,
  ) {
    this.worker = new Worker(bootstrap, { workerData: { entry }, execArgv: [] });
    this.timer = setTimeout(() => this.fail(new UnavailableError('a course worker did not start')), startDeadlineMs);
    this.timer.unref();
    this.worker.unref();
    this.worker.on('message', (message: CourseWorkerMessage) => this.receive(message));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`a course worker stopped (exit code ${code})`)));
  }

  get isFree(): boolean {
    return !this.gone && this.job === undefined;
  }

  take(job: Job): void {
    this.job = job;
    // A task in progress keeps the process alive (a command-line check waits for it); an idle worker does not.
    this.worker.ref();
    if (this.ready) this.post();
  }

  /** Ends the worker; a task it was running fails as unavailable. */
  async stop(): Promise<void> {
    this.fail(new UnavailableError('the course worker pool is closed'));
    await this.worker.terminate();
  }

  private post(): void {
    const job = this.job!;
    this.file = undefined;
    this.worker.postMessage({ id: job.id, task: job.task });
    this.timer = setTimeout(() => this.overrun(job), job.deadlineMs);
  }

  private receive(message: CourseWorkerMessage): void {
    if (message.type === 'ready') {
      this.ready = true;
      clearTimeout(this.timer);
      if (this.job) this.post();
      return;
    }
    const job = this.job;
    if (!job || message.id !== job.id) return;
    if (message.type === 'progress') {
      this.file = message.file;
      return;
    }
    clearTimeout(this.timer);
    this.job = undefined;
    this.worker.unref();
    if (message.type === 'done') job.resolve(message.result);
    else job.reject(new Error(message.message));
    this.onFree();
  }

  private overrun(job: Job): void {
    this.job = undefined;
    this.fail(new CourseTooSlowError(this.file, job.deadlineMs), job);
  }

  private fail(error: Error, job = this.job): void {
    if (this.gone) return;
    this.gone = true;
    this.job = undefined;
    clearTimeout(this.timer);
    void this.worker.terminate();
    this.onGone(this);
    job?.reject(error);
  }
}
