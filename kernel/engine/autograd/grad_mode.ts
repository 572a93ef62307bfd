// torch.no_grad / enable_grad / set_grad_enabled. Python's `with` blocks become callbacks.
let enabled = true;

export function is_grad_enabled(): boolean { return enabled; }

export function set_grad_enabled(mode: boolean): void { enabled = mode; }

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
