/**
 * Work on files from outside runs in a worker thread with its own memory
 * limit and a time limit: a hostile file at worst ends that worker (out of
 * memory, or too slow), and the app goes on. Built, the worker is its own
 * entry beside the main bundle (electron.vite.config.ts); from the TypeScript
 * sources (tests, the CLI under tsx) it runs through tsx's loader.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

export type WorkerName = 'sheetWorker' | 'bundleWorker';

export interface WorkerLimits {
  /** The worker's heap (V8's old generation), in MB. */
  heapMb: number;
  timeoutMs: number;
}

/** Why a worker gave no answer: it ran out of its memory, out of time, or stopped. */
export class WorkerFailure extends Error {
  constructor(
    readonly reason: 'MEMORY' | 'TIMEOUT' | 'CRASH',
    detail: string,
  ) {
    super(detail);
    this.name = 'WorkerFailure';
  }
}

/** tsx's loader API, found from this file up (a dev dependency: only the sources need it). */
function tsxApi(from: string): string {
  for (let dir = dirname(from); dir !== dirname(dir); dir = dirname(dir)) {
    const pkg = join(dir, 'node_modules', 'tsx', 'package.json');
    if (!existsSync(pkg)) continue;
    const exports = (
      JSON.parse(readFileSync(pkg, 'utf8')) as { exports: Record<string, { import: { default: string } }> }
    ).exports;
    return pathToFileURL(join(dirname(pkg), exports['./esm/api']!.import.default)).href;
  }
  throw new WorkerFailure('CRASH', '找不到 tsx（从源码运行时需要）');
}

function workerOf(name: WorkerName, options: ConstructorParameters<typeof Worker>[1]): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const source = new URL(`./${name}.ts`, here).href;
    const tsx = tsxApi(fileURLToPath(here));
    const code =
      `import(${JSON.stringify(tsx)})` + `.then((m) => { m.register(); return import(${JSON.stringify(source)}); });`;
    return new Worker(code, { ...options, eval: true });
  }
  // Built: the worker's entry sits beside the bundle that holds this code (or one folder up, from a chunk).
  for (const rel of [`./${name}.js`, `../${name}.js`]) {
    const url = new URL(rel, here);
    if (existsSync(fileURLToPath(url))) return new Worker(url, options);
  }
  throw new WorkerFailure('CRASH', `找不到程序文件 ${name}.js`);
}

const failureOf = (err: Error & { code?: string }) =>
  new WorkerFailure(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'MEMORY' : 'CRASH', err.message);

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * A worker kept for many tasks (a county imports 200 bundles: one start, not
 * 200), each task a message `{ id, ...task }` answered by `{ id, ...result }`.
 * A task that runs out of time or memory ends the worker and fails with a
 * WorkerFailure (so do the others it held); the next task starts a new one.
 * Idle, it does not keep the process alive, and after `idleMs` without work it
 * is ended. Never ended right after an answer: Node 20 can abort the whole
 * process when a worker is torn down while V8 still compiles for it on another
 * thread (NodePlatform::ForIsolate assertion, seen in CI), so a worker is torn
 * down only when it has long been idle, or when it must be (out of time).
 */
export class TaskWorker<Task extends object, Result> {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private seq = 0;

  private idle: NodeJS.Timeout | null = null;

  constructor(
    private readonly name: WorkerName,
    private readonly limits: WorkerLimits,
    private readonly idleMs = 30_000,
  ) {}

  run(task: Task, transfer: ArrayBuffer[] = []): Promise<Result> {
    const worker = this.started();
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const id = ++this.seq;
    return new Promise<Result>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.stop(new WorkerFailure('TIMEOUT', `${this.limits.timeoutMs} ms`));
      }, this.limits.timeoutMs);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      worker.ref();
      worker.postMessage({ id, ...task }, transfer);
    });
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = workerOf(this.name, {
      resourceLimits: { maxOldGenerationSizeMb: this.limits.heapMb, maxYoungGenerationSizeMb: 48 },
      stdout: false,
      stderr: false,
    });
    worker.on('message', (m: { id: number }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      clearTimeout(p.timer);
      if (this.pending.size === 0) this.rest(worker);
      p.resolve(m);
    });
    worker.once('error', (err: Error & { code?: string }) => this.stop(failureOf(err), worker));
    worker.once('exit', (code) => this.stop(new WorkerFailure('CRASH', `exit ${code}`), worker));
    this.worker = worker;
    return worker;
  }

  /** No work left: the worker no longer keeps the process alive, and is ended when it has long been idle. */
  private rest(worker: Worker): void {
    worker.unref();
    this.idle = setTimeout(() => {
      if (this.worker !== worker || this.pending.size > 0) return;
      this.worker = null;
      void worker.terminate();
    }, this.idleMs);
    this.idle.unref();
  }

  /** Ends the worker; every task it held fails with `why`. */
  stop(why: Error = new WorkerFailure('CRASH', 'stopped'), which: Worker | null = this.worker): void {
    if (!which || which !== this.worker) return;
    this.worker = null;
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(why);
    }
    this.pending.clear();
    void which.terminate();
  }
}
