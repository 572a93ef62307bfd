// nn.Module. Instances are callable functions (model(x) runs forward through hooks) whose
// prototype chain is the user's class, so subclasses written in a cell work unchanged.
// Submodules and parameters are discovered from own properties in assignment order, which is
// the order PyTorch registers them in.
import { bindArgs } from "../args";
import { Tensor, toArguments } from "../tensor";
import { Parameter } from "./parameter";
import { no_grad } from "../autograd/grad_mode";
import { RuntimeError } from "../errors";
import { float32, float64 } from "../dtype";
import type { DType } from "../dtype";
import type { Device } from "../device";
import { callableInstance } from "../callable";
import { pyTypeName } from "../pyrepr";

type Hook = (module: Module, input: unknown[], output: unknown) => unknown;
type PreHook = (module: Module, input: unknown[]) => unknown;
export interface RemovableHandle { remove(): void }

const INTERNAL = Symbol("module internals");
interface Internals { training: boolean; buffers: Set<string>; hooks: Map<number, Hook>; preHooks: Map<number, PreHook>; nextHook: number }

/** A module (or null) where PyTorch registers one; anything else is its TypeError. */
export function asModule(v: unknown): Module | null {
  if (v === null || v instanceof Module) return v;
  throw new TypeError(`${pyTypeName(v)} is not a Module subclass`);
}

export interface Module {
  /** Calling a module runs its forward (with hooks), like PyTorch's __call__. */
  (...input: any[]): any;
}

/**
 * The base class of every layer and model, as torch.nn.Module: subclass it, assign layers and
 * Parameters as fields (they register themselves), write `forward`, and call the instance.
 *
 * @example
 * ```ts
 * class Net extends nn.Module {
 *   fc = new nn.Linear(4, 2);
 *   forward(x: Tensor) { return F.relu(this.fc(x)); }
 * }
 * const net = new Net();
 * net(torch.randn(3, 4)).shape   // [3, 2]
 * ```
 * PyTorch: `torch.nn.Module`
 */
export class Module {
  constructor() {
    // Module.__init__(self) takes nothing: a subclass passing its own arguments on is a mistake
    if (arguments.length) bindArgs("Module.__init__", Array.from(arguments), {}, 1);
    const self = callableInstance<Module>(new.target.prototype, (m, input) => m._call(input));
    Object.defineProperty(self, INTERNAL, {
      value: { training: true, buffers: new Set(), hooks: new Map(), preHooks: new Map(), nextHook: 0 } as Internals,
      enumerable: false,
    });
    return self;
  }

  private get internals(): Internals { return (this as unknown as Record<symbol, Internals>)[INTERNAL]; }

  get training(): boolean { return this.internals.training; }
  set training(mode: boolean) { this.internals.training = mode; }

  forward(...input: any[]): any {
    void input;
    throw new RuntimeError(`Module [${this._get_name()}] is missing the required "forward" function`);
  }

  private _call(input: unknown[]): unknown {
    const { hooks, preHooks } = this.internals;
    for (const hook of preHooks.values()) {
      const r = hook(this, input);
      if (r !== undefined) input = Array.isArray(r) ? r : [r];
    }
    let output = this.forward(...input);
    for (const hook of hooks.values()) {
      const r = hook(this, input, output);
      if (r !== undefined) output = r;
    }
    return output;
  }

  register_forward_hook(hook: Hook): RemovableHandle {
    const id = this.internals.nextHook++;
    this.internals.hooks.set(id, hook);
    return { remove: () => { this.internals.hooks.delete(id); } };
  }

  register_forward_pre_hook(hook: PreHook): RemovableHandle {
    const id = this.internals.nextHook++;
    this.internals.preHooks.set(id, hook);
    return { remove: () => { this.internals.preHooks.delete(id); } };
  }

  register_buffer(name: string, tensor: Tensor | null): void {
    (this as unknown as Record<string, unknown>)[name] = tensor;
    this.internals.buffers.add(name);
  }

  register_parameter(name: string, param: Parameter | null): void {
    (this as unknown as Record<string, unknown>)[name] = param;
  }

  add_module(name: string, module: Module | null): void {
    (this as unknown as Record<string, unknown>)[name] = module === null ? null : asModule(module);
  }

  /** Own attributes in assignment order (PyTorch's registration order). */
  private entries(): Array<[string, unknown]> {
    return Object.keys(this).map((k) => [k, (this as unknown as Record<string, unknown>)[k]]);
  }

  *named_children(): IterableIterator<[string, Module]> {
    for (const [k, v] of this.entries()) if (v instanceof Module) yield [k, v];
  }
  *children(): IterableIterator<Module> { for (const [, m] of this.named_children()) yield m; }

  *named_modules(memo = new Set<Module>(), prefix = ""): IterableIterator<[string, Module]> {
    if (memo.has(this)) return;
    memo.add(this);
    yield [prefix, this];
    for (const [name, child] of this.named_children()) yield* child.named_modules(memo, prefix ? `${prefix}.${name}` : name);
  }
  *modules(): IterableIterator<Module> { for (const [, m] of this.named_modules()) yield m; }

  *named_parameters(prefix = "", recurse = true): IterableIterator<[string, Parameter]> {
    const seen = new Set<Tensor>();
    const modules = recurse ? [...this.named_modules(new Set(), prefix)] : [[prefix, this] as [string, Module]];
    for (const [mp, m] of modules) {
      for (const [k, v] of m.entries()) {
        if (v instanceof Parameter && !seen.has(v)) {
          seen.add(v);
          yield [mp ? `${mp}.${k}` : k, v];
        }
      }
    }
  }
  *parameters(recurse = true): IterableIterator<Parameter> { for (const [, p] of this.named_parameters("", recurse)) yield p; }

  *named_buffers(prefix = ""): IterableIterator<[string, Tensor]> {
    for (const [mp, m] of this.named_modules(new Set(), prefix)) {
      for (const name of m.internals.buffers) {
        const v = (m as unknown as Record<string, unknown>)[name];
        if (v instanceof Tensor) yield [mp ? `${mp}.${name}` : name, v];
      }
    }
  }
  *buffers(): IterableIterator<Tensor> { for (const [, b] of this.named_buffers()) yield b; }

  train(mode = true): this {
    for (const m of this.modules()) m.training = mode;
    return this;
  }
  eval(): this { return this.train(false); }

  /**
   * to(device), to(dtype), to(device, dtype), to(tensor), as PyTorch: the module itself, with its
   * floating-point parameters and buffers converted to `dtype` in place. Only the CPU exists here.
   */
  to(device: Device | string | null, dtype?: DType | null, non_blocking?: boolean): this;
  to(dtype: DType, non_blocking?: boolean): this;
  to(tensor: Tensor, non_blocking?: boolean): this;
  to(options: { device?: Device | string | null; dtype?: DType | null; non_blocking?: boolean }): this;
  to(...args: unknown[]): this {
    const { dtype } = toArguments(args);
    if (dtype) for (const t of [...this.parameters(), ...this.buffers()]) if (t.dtype.is_floating_point) t.data = t.data.to(dtype);
    return this;
  }
  cpu(): this { return this; }
  cuda(): this { Tensor.empty([0]).cuda(); return this; }
  float(): this { return this.to(float32); }
  double(): this { return this.to(float64); }

  requires_grad_(requires_grad = true): this {
    for (const p of this.parameters()) p.requires_grad_(requires_grad);
    return this;
  }

  zero_grad(set_to_none = false): void {
    for (const p of this.parameters()) {
      if (!p.grad) continue;
      if (set_to_none) p.grad = null;
      else p.grad = p.grad.detach().zero_();
    }
  }

  /** Parameters and buffers by dotted name, detached (as PyTorch's state_dict holds them). */
  state_dict(): Map<string, Tensor> & Record<string, Tensor> {
    const out = new Map<string, Tensor>();
    const entries: Array<[string, Tensor]> = [];
    for (const [mp, m] of this.named_modules()) {
      for (const [k, v] of m.entries()) {
        if (v instanceof Parameter || (v instanceof Tensor && m.internals.buffers.has(k))) entries.push([mp ? `${mp}.${k}` : k, v.detach()]);
      }
    }
    for (const [k, v] of entries) out.set(k, v);
    const result = out as Map<string, Tensor> & Record<string, Tensor>;
    for (const [k, v] of entries) result[k] = v;
    return result;
  }

  load_state_dict(state: Map<string, Tensor> | Record<string, Tensor>, strict = true): { missing_keys: string[]; unexpected_keys: string[] } {
    const incoming = state instanceof Map ? state : new Map(Object.entries(state));
    const own = this.state_dict();
    const missing = [...own.keys()].filter((k) => !incoming.has(k));
    const unexpected = [...incoming.keys()].filter((k) => !own.has(k));
    const errors: string[] = [];
    for (const [k, target] of own) {
      const src = incoming.get(k);
      if (!src) continue;
      if (src.shape.join(",") !== target.shape.join(",")) {
        errors.push(`size mismatch for ${k}: copying a param with shape torch.Size([${src.shape.join(", ")}]) from checkpoint, the shape in current model is torch.Size([${target.shape.join(", ")}]).`);
      }
    }
    if (strict && missing.length) errors.unshift(`Missing key(s) in state_dict: ${missing.map((k) => `"${k}"`).join(", ")}. `);
    if (strict && unexpected.length) errors.unshift(`Unexpected key(s) in state_dict: ${unexpected.map((k) => `"${k}"`).join(", ")}. `);
    if (errors.length) throw new RuntimeError(`Error(s) in loading state_dict for ${this._get_name()}:\n\t${errors.join("\n\t")}`);
    no_grad(() => { for (const [k, target] of own) { const src = incoming.get(k); if (src) target.copy_(src); } });
    return { missing_keys: missing, unexpected_keys: unexpected };
  }

  apply(fn: (m: Module) => void): this {
    for (const child of this.children()) child.apply(fn);
    fn(this);
    return this;
  }

  _get_name(): string { return Object.getPrototypeOf(this).constructor.name; }

  /** The part inside the parentheses of a leaf module's repr, e.g. "in_features=4, ...". */
  extra_repr(): string { return ""; }

  toString(): string {
    const children = [...this.named_children()];
    const extra = this.extra_repr();
    if (!children.length) return `${this._get_name()}(${extra})`;
    const lines = extra ? extra.split("\n") : [];
    for (const [name, child] of children) {
      const text = String(child).split("\n").map((l, i) => (i === 0 ? l : `  ${l}`)).join("\n");
      lines.push(`(${name}): ${text}`);
    }
    return `${this._get_name()}(\n  ${lines.join("\n  ")}\n)`;
  }
  [Symbol.for("nodejs.util.inspect.custom")](): string { return this.toString(); }
}
