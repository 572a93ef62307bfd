// Tensor storage lives in wasm memory, which the JS garbage collector cannot see, and a
// FinalizationRegistry normally reports dead tensors only after the current task ends: a
// synchronous training loop in one cell would never get its memory back. V8 can run a full
// collection on demand (gc) and deliver finalisation callbacks synchronously (cleanupSome);
// both are enabled at run time in a fresh context, so no command-line flag is needed.
import * as v8 from "v8";
import * as vm from "vm";

interface SyncRegistry<T> extends FinalizationRegistry<T> { cleanupSome?: () => void }

let collectNow: (() => void) | undefined;
let Registry: typeof FinalizationRegistry = FinalizationRegistry;

try {
  v8.setFlagsFromString("--expose-gc");
  v8.setFlagsFromString("--harmony-weak-refs-with-cleanup-some");
  const context = vm.createContext({});
  const gc = vm.runInContext("typeof gc === 'function' ? gc : undefined", context);
  const FreshRegistry = vm.runInContext("FinalizationRegistry", context);
  if (typeof gc === "function" && typeof FreshRegistry?.prototype?.cleanupSome === "function") {
    collectNow = gc;
    Registry = FreshRegistry;
  }
} catch {
  // Not V8 or flags refused: storage is then reclaimed only between tasks.
}

export function createRegistry<T>(onDead: (held: T) => void): SyncRegistry<T> {
  return new Registry<T>(onDead) as SyncRegistry<T>;
}

/** Collects garbage and runs finalisers now; returns false where the runtime cannot. */
export function collectGarbageNow(registry: SyncRegistry<unknown>): boolean {
  if (!collectNow || !registry.cleanupSome) return false;
  collectNow();
  registry.cleanupSome();
  return true;
}
