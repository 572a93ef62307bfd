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
export function no_grad<R>(fn: () => R): R { return withGradMode(false, onlyFunction("no_grad", fn, arguments)); }
/** torch.enable_grad(() => { ... }): runs fn recording operations for autograd, also inside no_grad. */
export function enable_grad<R>(fn: () => R): R { return withGradMode(true, onlyFunction("enable_grad", fn, arguments)); }

/**
 * Python's `with torch.no_grad():` takes no arguments; here the block is the one function.
 * (An options object is recognised here rather than with args.ts's isOptions: args.ts imports
 * the tensor, whose autograd loads this module first.)
 */
function onlyFunction<R>(name: string, fn: () => R, args: IArguments): () => R {
  const last: unknown = args[args.length - 1];
  if (args.length > 1 && last !== null && typeof last === "object" && Object.getPrototypeOf(last) === Object.prototype) {
    throw new TypeError(`${name}() got an unexpected keyword argument '${Object.keys(last)[0]}'`);
  }
  if (args.length !== 1 || typeof fn !== "function") throw new TypeError(`torch.${name}() takes one argument, the function to run (Python's \`with torch.${name}():\` block), but got ${args.length === 1 ? typeof fn : `${args.length} arguments`}`);
  return fn;
}
