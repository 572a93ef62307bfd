import { Tensor } from "../tensor";

/** nn.Parameter: a tensor a Module registers as learnable; prints as "Parameter containing:". */
export class Parameter extends Tensor {
  constructor(data?: Tensor, requires_grad = true) {
    const src = data ?? Tensor.empty([0]);
    super(src.storage, src.shape, src.strides, src.offset);
    this._isParameter = true;
    if (requires_grad) this.requires_grad_(true);
  }
}
