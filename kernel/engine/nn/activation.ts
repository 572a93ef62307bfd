// nn.ReLU, nn.LeakyReLU, ... generated from the activation definitions, so a module and its
// functional form can never disagree. Learnable activations hold their weights as Parameters.
import { Tensor } from "../tensor";
import { bindArgs } from "../args";
import { AssertionError, RuntimeError } from "../errors";
import { pyRepr } from "../pyrepr";
import { ActivationDefinition, Params, defaults } from "../activations/definition";
import { applyActivation, checkParams } from "../activations/apply";
import { Module } from "./module";
import { Parameter } from "./parameter";

export class ActivationModule extends Module {
  /** The single definition this module applies. */
  static definition: ActivationDefinition;
  declare readonly params: Params;

  constructor(...args: unknown[]) {
    super();
    const def = (new.target as typeof ActivationModule).definition;
    // PyTorch checks the values only when the module runs (nn.LeakyReLU("a") constructs)
    const p = bindArgs(`${def.module}.__init__`, args, defaults(def), 1);
    if (def.moduleAssert && !def.moduleAssert(p)) throw new AssertionError("");
    Object.defineProperty(this, "params", { value: p, enumerable: false });
    // PyTorch exposes constructor arguments as attributes (relu.inplace, leaky.negative_slope)
    for (const [k, v] of Object.entries(p)) Object.defineProperty(this, k, { value: v, enumerable: false, writable: true, configurable: true });
    this.createWeights(p);
  }

  /** Learnable activations override this to register their Parameters (see registerWeight). */
  protected createWeights(_p: Params): void {}

  /** Makes `name` a registered Parameter, even where a constructor argument has the same name (Swish's beta). */
  protected registerWeight(name: string, weight: Parameter): void {
    Object.defineProperty(this, name, { value: weight, enumerable: true, writable: true, configurable: true });
  }

  protected weights(): Record<string, Tensor> | undefined { return undefined; }

  override forward(input: Tensor): Tensor {
    const def = (this.constructor as typeof ActivationModule).definition;
    const p = { ...this.params };
    // attributes may have been reassigned (leaky.negative_slope = 0.2); learned weights are Tensors, passed apart
    for (const k of Object.keys(p)) {
      const v = (this as unknown as Record<string, unknown>)[k];
      if (!(v instanceof Tensor)) p[k] = v as Params[string];
    }
    checkParams(def, p);
    return applyActivation(def, input, p, this.weights());
  }

  override extra_repr(): string {
    const def = (this.constructor as typeof ActivationModule).definition;
    // extra_repr formats with str(), except GELU's approximate, which PyTorch quotes
    const show = (k: string) => {
      const v = this.params[k], type = def.params.find((s) => s.name === k)?.type;
      if (typeof v === "string") return type === "choice" ? `'${v}'` : v;
      return pyRepr(v, type === "float" ? "float" : "auto");
    };
    const shown = (def.repr ?? []).map((k) => `${k}=${show(k)}`);
    for (const k of def.reprIfSet ?? []) {
      const spec = def.params.find((s) => s.name === k);
      if (spec && this.params[k] !== spec.default) shown.push(`${k}=${pyRepr(this.params[k])}`);
    }
    return shown.join(", ");
  }
}

/** A module class for one definition; the class name is PyTorch's (nn.LeakyReLU). */
export function activationModule(def: ActivationDefinition): typeof ActivationModule {
  const cls = { [def.module]: class extends ActivationModule {} }[def.module];
  cls.definition = def;
  return cls;
}

export class PReLUModule extends ActivationModule {
  declare weight: Parameter;
  protected override createWeights(p: Params): void {
    const n = p.num_parameters as number;
    // PReLU(0) constructs in PyTorch and fails when called; a negative count cannot make a weight
    if (!Number.isInteger(n) || n < 0) throw new RuntimeError(`Trying to create tensor with negative dimension ${n}: [${n}]`);
    this.registerWeight("weight", new Parameter(Tensor.empty([n]).fill_(p.init as number)));
  }
  protected override weights(): Record<string, Tensor> { return { weight: this.weight }; }
}

export class SwishModule extends ActivationModule {
  declare beta: Parameter;
  protected override createWeights(p: Params): void {
    this.registerWeight("beta", new Parameter(Tensor.empty([1]).fill_(p.beta as number)));
  }
  protected override weights(): Record<string, Tensor> { return { beta: this.beta }; }
  override extra_repr(): string { return `beta=${pyRepr(this.beta.item(), "float")}`; }
}

export class APLModule extends ActivationModule {
  declare a: Parameter;
  declare b: Parameter;
  protected override createWeights(p: Params): void {
    const s = p.num_hinges as number;
    if (!Number.isInteger(s) || s < 1) throw new RuntimeError(`APL: num_hinges must be a positive integer, got ${s}`);
    this.registerWeight("a", new Parameter(Tensor.empty([s]).fill_(p.slope as number)));
    const b = Tensor.empty([s]);
    for (let i = 0; i < s; i++) b._data[b.offset + i] = 0 - i * (p.spacing as number); // 0 - 0 is +0, the first hinge sits at 0
    this.registerWeight("b", new Parameter(b));
  }
  protected override weights(): Record<string, Tensor> { return { a: this.a, b: this.b }; }
}
