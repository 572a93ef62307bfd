// Which cell the running code belongs to, so that an interrupt stops exactly that cell's work and
// an error thrown after the cell ended is shown under it.
//
// A cell is a CellTask. The kernel schedules nothing for cells itself: cells schedule work through
// setTimeout, setInterval, setImmediate, process.nextTick, queueMicrotask and promise reactions
// (`.then`, which `await` uses once the converter has rewritten async functions as generators,
// see converter_core.ts). Those are wrapped here: a callback registered while a cell's code runs
// remembers that cell, and runs in a frame (frames.ts) as that cell again. So
// - a SIGINT stops it wherever it runs, and cancels its cell: the cell's timers are cleared and
//   its pending callbacks and continuations never run (a promise reaction of a cancelled cell
//   leaves its promise pending for ever);
// - an error thrown by a timer or tick callback, or a promise the cell rejected and nobody
//   handled, is reported for that cell, even when another cell is running;
// - what the cell prints from a callback goes under the cell.
// Callbacks registered by the kernel itself (no cell running) are left as Node made them.
import { promisify } from "util";
import * as v8 from "v8";
import { isInterrupt, runInFrame } from "./frames";

export class CellTask {
  /** Set by an interrupt: nothing of this cell runs again. */
  cancelled = false;
  /** Whether the interrupt found the cell's code running, or the cell waiting. */
  stoppedWhileRunning = false;
  /** Set when the cell's own run has finished; callbacks may still run after that. */
  finished = false;
  /** Errors raised by its callbacks (not by its body). */
  lateErrors = 0;
  /** Pending timers and immediates, with the function that clears each. */
  readonly timers = new Map<unknown, () => void>();
  /** Called once when the task is cancelled. */
  onCancel: (() => void) | null = null;
  constructor(readonly cell: number, readonly requestId: number) {}
}

export interface TaskHooks {
  /** A callback or unhandled rejection of `task` failed (not an interrupt). */
  lateError(task: CellTask, error: unknown): void;
  /** `task` was stopped by an interrupt while one of its callbacks ran. */
  interruptedCallback(task: CellTask): void;
}

let current: CellTask | null = null;
/** The task that ran code last: errors from callbacks nobody wrapped are most likely its. */
let lastRun: CellTask | null = null;
let hooks: TaskHooks | null = null;

export function currentTask(): CellTask | null { return current; }

/** Tasks that have had timers; pruned as their timers end. */
const timed = new Set<CellTask>();

/** The tasks with timers still pending. */
export function tasksWithTimers(): CellTask[] {
  for (const task of timed) if (!task.timers.size) timed.delete(task);
  return [...timed];
}

export function cancelTask(task: CellTask, running = false): void {
  if (task.cancelled) return;
  task.cancelled = true;
  task.stoppedWhileRunning = running;
  for (const clear of task.timers.values()) clear();
  task.timers.clear();
  const onCancel = task.onCancel;
  task.onCancel = null;
  onCancel?.();
}

function enter<T>(task: CellTask, fn: () => T): T {
  const previous = current;
  current = task;
  lastRun = task;
  try {
    return runInFrame(fn);
  } finally {
    current = previous;
  }
}

/** Runs a cell's body; its errors (an interrupt too) are the caller's. */
export function runCellBody<T>(task: CellTask, body: () => T): T {
  try {
    return enter(task, body);
  } catch (e) {
    if (isInterrupt(e)) cancelTask(task, true);
    throw e;
  }
}

/** Runs a callback a cell scheduled; what it throws is reported as the cell's late error. */
function runCallback(task: CellTask, callback: () => void): void {
  if (task.cancelled) return;
  try {
    enter(task, callback);
  } catch (e) {
    if (isInterrupt(e)) {
      cancelTask(task, true);
      hooks?.interruptedCallback(task);
    } else {
      task.lateErrors++;
      hooks?.lateError(task, e);
    }
  }
}

/** A promise that never settles: what a cancelled cell's reactions return. */
const never = (): Promise<never> => new Promise<never>(() => undefined);

/** Wraps a promise reaction: its result and errors stay the promise's, as in plain JavaScript. */
function reaction(task: CellTask, fn: unknown): unknown {
  if (typeof fn !== "function") return fn;
  return function (this: unknown, value: unknown) {
    if (task.cancelled) return never();
    try {
      return enter(task, () => fn.call(this, value));
    } catch (e) {
      if (!isInterrupt(e)) throw e;
      cancelTask(task, true);
      hooks?.interruptedCallback(task);
      return never();
    }
  };
}

type Scheduler = (callback: (...args: unknown[]) => void, ...rest: unknown[]) => unknown;

/** Wraps a timer-like scheduler: setTimeout and setInterval (`delayed`), setImmediate. */
function wrapTimer(schedule: Scheduler, clear: (handle: unknown) => void, { repeats, delayed }: { repeats: boolean; delayed: boolean }): Scheduler {
  const wrapped: Scheduler = function (callback, ...rest) {
    const task = current;
    if (!task || typeof callback !== "function") return schedule(callback, ...rest);
    // arguments after the delay go to the callback, as Node passes them
    const args = delayed ? rest.slice(1) : rest;
    const delay = delayed ? rest.slice(0, 1) : [];
    // eslint-disable-next-line prefer-const
    let handle: unknown;
    const fire = () => {
      if (!repeats) task.timers.delete(handle);
      runCallback(task, () => callback(...args));
    };
    handle = schedule(fire, ...delay);
    task.timers.set(handle, () => clear(handle));
    timed.add(task);
    owners.set(handle as object, task);
    return handle;
  };
  // util.promisify(setTimeout) and the like keep working
  const custom = (schedule as unknown as Record<symbol, unknown>)[promisify.custom];
  if (custom) Object.defineProperty(wrapped, promisify.custom, { value: custom });
  return wrapped;
}

/** Which task a timer handle belongs to, so that clearing it also forgets it. */
const owners = new WeakMap<object, CellTask>();

function wrapClear(clear: (handle: unknown) => void): (handle: unknown) => void {
  return (handle) => {
    if (handle && typeof handle === "object") owners.get(handle)?.timers.delete(handle);
    clear(handle);
  };
}

/** Which task created a promise (for unhandled rejections). */
const promiseOwners = new WeakMap<Promise<unknown>, CellTask>();

/** The task a rejected promise belongs to: its creator, else the one that ran last. */
export function taskOfPromise(promise: Promise<unknown>): CellTask | null {
  return promiseOwners.get(promise) ?? lastRun;
}

/** The task that ran last (for errors from callbacks outside any task). */
export function lastTask(): CellTask | null { return lastRun; }

/** The original `then`, for the kernel's own use on a cell's promise. */
export const plainThen = Promise.prototype.then;

let installed = false;

/** Wraps the scheduling globals; once per process. */
export function installCellTasks(taskHooks: TaskHooks): void {
  hooks = taskHooks;
  if (installed) return;
  installed = true;
  const g = globalThis as unknown as Record<string, unknown>;
  const originals = {
    setTimeout: g.setTimeout as Scheduler, clearTimeout: g.clearTimeout as (h: unknown) => void,
    setInterval: g.setInterval as Scheduler, clearInterval: g.clearInterval as (h: unknown) => void,
    setImmediate: g.setImmediate as Scheduler, clearImmediate: g.clearImmediate as (h: unknown) => void,
  };
  g.setTimeout = wrapTimer(originals.setTimeout, originals.clearTimeout, { repeats: false, delayed: true });
  g.setInterval = wrapTimer(originals.setInterval, originals.clearInterval, { repeats: true, delayed: true });
  g.setImmediate = wrapTimer(originals.setImmediate, originals.clearImmediate, { repeats: false, delayed: false });
  g.clearTimeout = wrapClear(originals.clearTimeout);
  g.clearInterval = wrapClear(originals.clearInterval);
  g.clearImmediate = wrapClear(originals.clearImmediate);

  const nextTick = process.nextTick;
  process.nextTick = function (callback: (...args: unknown[]) => void, ...args: unknown[]) {
    const task = current;
    if (!task || typeof callback !== "function") return nextTick(callback, ...args);
    return nextTick(() => runCallback(task, () => callback(...args)));
  } as typeof process.nextTick;
  const queue = g.queueMicrotask as (cb: () => void) => void;
  g.queueMicrotask = (callback: () => void) => {
    const task = current;
    if (!task || typeof callback !== "function") return queue(callback);
    return queue(() => runCallback(task, callback));
  };

  const then = plainThen;
  Object.defineProperty(Promise.prototype, "then", {
    configurable: true, writable: true, enumerable: false,
    value: function (this: Promise<unknown>, onFulfilled?: unknown, onRejected?: unknown) {
      const task = current;
      if (!task) return then.call(this, onFulfilled as never, onRejected as never);
      return then.call(this, reaction(task, onFulfilled) as never, reaction(task, onRejected) as never);
    },
  });
  v8.promiseHooks.onInit((promise) => { if (current) promiseOwners.set(promise, current); });
}
