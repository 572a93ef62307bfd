// torch.no_grad / enable_grad / set_grad_enabled. Python's `with` blocks become callbacks.
import { bindEntry } from "../args";
import { pyTypeName } from "../pyrepr";
import { TORCH_FUNCTIONS_MISC } from "../api/tables/misc";
let enabled = true;

export function is_grad_enabled(): boolean { return enabled; }

/** torch.set_grad_enabled(mode) (its binder: its entry in api/tables/misc.ts). */
export function set_grad_enabled(...args: unknown[]): void {
  const { mode } = bindEntry<{ mode: unknown }>("set_grad_enabled", args, TORCH_FUNCTIONS_MISC.set_grad_enabled);
  if (typeof mode !== "boolean") throw new TypeError(`set_grad_enabled(): argument 'mode' must be bool, not ${pyTypeName(mode)}`);
  enabled = mode;
}

function withGradMode<R>(mode: boolean, fn: () => R): R {
  const previous = enabled;
  enabled = mode;
  let result: R;
  try {
    result = fn();
  } catch (e) {
    enabled = previous;
    throw e;
  }
  if (result instanceof Promise) {
    // An async callback keeps the mode until it settles, like an async `with` block.
    return result.finally(() => { enabled = previous; }) as R;
  }
  enabled = previous;
  return result;
}

/** torch.no_grad(() => { ... }): runs fn without recording operations for autograd. */
export function no_grad<R>(fn: () => R): R { return withGradMode(false, fn); }
export function enable_grad<R>(fn: () => R): R { return withGradMode(true, fn); }
