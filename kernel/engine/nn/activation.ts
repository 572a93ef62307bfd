// nn.ReLU, nn.LeakyReLU, ... generated from the activation definitions, so a module and its
// functional form can never disagree. Learnable activations hold their weights as Parameters.
import { Tensor } from "../tensor";
import { bindArgs } from "../args";
import { AssertionError } from "../errors";
import { pyRepr } from "../pyrepr";
import { ActivationDefinition, Params, bindingDefaults } from "../activations/definition";
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
    const p = bindArgs(`${def.module}.__init__`, args, bindingDefaults(def), 1) as Params;
    if (def.moduleAssert && !def.moduleAssert(p)) throw new AssertionError("");
    Object.defineProperty(this, "params", { value: p, enumerable: false });
    // PyTorch exposes constructor arguments as attributes (relu.inplace, leaky.negative_slope)
    for (const [k, v] of Object.entries(p)) Object.defineProperty(this, k, { value: v, enumerable: false, writable: true, configurable: true });
    // learnable weights become registered Parameters, even where a constructor argument has the same name (Swish's beta)
    const weights = def.weights?.(p) ?? {};
    for (const [name, weight] of Object.entries(weights)) {
      Object.defineProperty(this, name, { value: new Parameter(weight), enumerable: true, writable: true, configurable: true });
    }
    Object.defineProperty(this, "weightNames", { value: Object.keys(weights), enumerable: false });
  }

  declare private readonly weightNames: string[];

  private get definition(): ActivationDefinition { return (this.constructor as typeof ActivationModule).definition; }

  /** The learned weights, by name, as forward passes them to the definition. */
  private weights(): Record<string, Tensor> | undefined {
    if (!this.weightNames.length) return undefined;
    return Object.fromEntries(this.weightNames.map((k) => [k, (this as unknown as Record<string, Tensor>)[k]]));
  }

  override forward(input: Tensor): Tensor {
    const def = this.definition;
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
    const def = this.definition;
    // extra_repr formats with str(), except GELU's approximate, which PyTorch quotes; a learned
    // weight shows its current value (Swish's beta)
    const show = (k: string) => {
      const current = (this as unknown as Record<string, unknown>)[k];
      if (current instanceof Tensor && current.numel() === 1) return pyRepr(current.item(), "float");
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
