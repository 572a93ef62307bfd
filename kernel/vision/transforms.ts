// torchvision.transforms (0.14) for tensors: Compose, ToTensor, Normalize, Lambda. Each is
// callable, like torchvision's: transform(img). An image is a uint8 tensor [H, W] or [H, W, C]
// (what the datasets hand out where torchvision has a PIL image) or a float tensor [C, H, W].
import { Tensor } from "../engine/tensor";
import { float32 } from "../engine/dtype";
import { ValueError } from "../engine/errors";
import { bindArgs } from "../engine/args";
import { tensor } from "../engine/ops";
import { callableInstance } from "../engine/callable";

export interface Transform {
  (input: any): any;
}

/** A callable object (engine/callable.ts): calling it runs `forward`, as calling an nn.Module does. */
export abstract class Transform {
  constructor() {
    return callableInstance<Transform>(new.target.prototype, (t, [input]) => t.forward(input));
  }
  abstract forward(input: any): any;
  abstract toString(): string;
  /**
   * The transform of a whole batch at once (the items stacked along a new first dim), equal
   * element for element to stacking forward() of each item; null where there is none. The
   * datasets use it to hand a DataLoader whole batches.
   */
  forwardBatch(_batch: Tensor): Tensor | null { return null; }
}

export class Compose extends Transform {
  constructor(readonly transforms: Array<(x: any) => any>) {
    super();
    if (!Array.isArray(transforms)) throw new TypeError("Compose takes a list of transforms");
  }
  forward(input: any): any {
    let x = input;
    for (const t of this.transforms) x = t(x);
    return x;
  }
  override forwardBatch(batch: Tensor): Tensor | null {
    let x: Tensor | null = batch;
    for (const t of this.transforms) x = x && t instanceof Transform ? t.forwardBatch(x) : null;
    return x;
  }
  toString(): string { return `Compose(\n${this.transforms.map((t) => `    ${String(t)}`).join("\n")}\n)`; }
}

/** A uint8 image [H, W] or [H, W, C] to a float32 tensor [C, H, W] in [0, 1] (divided by 255). */
export class ToTensor extends Transform {
  forward(pic: unknown): Tensor {
    if (!(pic instanceof Tensor) || pic.dtype.name !== "uint8" || (pic.dim() !== 2 && pic.dim() !== 3)) {
      throw new TypeError(`pic should be PIL Image or ndarray. Got ${pic instanceof Tensor ? `a ${pic.dtype} tensor of shape [${pic.shape.join(", ")}] (actnb's images are uint8 tensors [H, W] or [H, W, C])` : typeof pic}`);
    }
    const hwc = pic.dim() === 2 ? pic.unsqueeze(-1) : pic;
    return hwc.permute([2, 0, 1]).contiguous().to(float32).div(255);
  }
  override forwardBatch(batch: Tensor): Tensor | null {
    if (batch.dtype.name !== "uint8" || (batch.dim() !== 3 && batch.dim() !== 4)) return null;
    const bhwc = batch.dim() === 3 ? batch.unsqueeze(-1) : batch;
    return bhwc.permute([0, 3, 1, 2]).contiguous().to(float32).div(255);
  }
  toString(): string { return "ToTensor()"; }
}

const pyTuple = (v: readonly number[]) => `(${v.join(", ")}${v.length === 1 ? "," : ""})`;

/** (x - mean) / std per channel, for float tensors [..., C, H, W]. */
export class Normalize extends Transform {
  readonly mean: number[];
  readonly std: number[];
  readonly inplace: boolean;
  constructor(...args: unknown[]) {
    super();
    const a = bindArgs("Normalize.__init__", args, { mean: undefined as unknown as number[] | number, std: undefined as unknown as number[] | number, inplace: false }, 1);
    this.mean = Array.isArray(a.mean) ? a.mean : [a.mean];
    this.std = Array.isArray(a.std) ? a.std : [a.std];
    this.inplace = a.inplace;
  }
  forward(x: unknown): Tensor {
    if (!(x instanceof Tensor)) throw new TypeError(`img should be Tensor Image. Got ${typeof x}`);
    if (!x.dtype.is_floating_point) throw new TypeError(`Input tensor should be a float tensor. Got ${x.dtype}.`);
    if (x.dim() < 3) throw new ValueError(`Expected tensor to be a tensor image of size (..., C, H, W). Got tensor.size() = torch.Size([${x.shape.join(", ")}])`);
    const mean = tensor(this.mean, { dtype: x.dtype });
    const std = tensor(this.std, { dtype: x.dtype });
    if (std.eq(0).any().item()) throw new ValueError(`std evaluated to zero after conversion to ${x.dtype}, leading to division by zero.`);
    const m = mean.dim() === 1 ? mean.view([-1, 1, 1]) : mean;
    const s = std.dim() === 1 ? std.view([-1, 1, 1]) : std;
    return this.inplace ? x.sub_(m).div_(s) : x.sub(m).div(s);
  }
  override forwardBatch(batch: Tensor): Tensor | null { return batch.dim() === 4 ? this.forward(batch) : null; }
  toString(): string { return `Normalize(mean=${pyTuple(this.mean)}, std=${pyTuple(this.std)})`; }
}

export class Lambda extends Transform {
  constructor(readonly lambd: (x: any) => any) {
    super();
    if (typeof lambd !== "function") throw new TypeError(`Argument lambd should be callable, got ${JSON.stringify(typeof lambd)}`);
  }
  forward(x: unknown): unknown { return this.lambd(x); }
  toString(): string { return "Lambda()"; }
}
