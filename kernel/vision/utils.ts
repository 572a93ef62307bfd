// torchvision.utils.make_grid (0.14): images [B, C, H, W] tiled into one image [C, H', W'],
// `nrow` per row with `padding` pixels of `pad_value` around each, in the images' dtype;
// optionally rescaled into [0, 1] (normalize, value_range, scale_each). One-channel images
// become three, as torchvision makes them.
import { Tensor } from "../engine/tensor";
import { bindArgs } from "../engine/args";
import { RuntimeError } from "../engine/errors";
import { cat, stack } from "../engine/ops";

export function make_grid(tensor: Tensor | Tensor[], ...args: unknown[]): Tensor {
  const a = bindArgs("make_grid", args, { nrow: 8, padding: 2, normalize: false, value_range: null as [number, number] | null, scale_each: false, pad_value: 0 }, 1);
  let x = Array.isArray(tensor) ? stack(tensor, 0) : tensor;
  if (!(x instanceof Tensor)) throw new TypeError(`tensor or list of tensors expected, got ${typeof tensor}`);
  if (x.dim() === 2) x = x.unsqueeze(0); // one image H × W
  if (x.dim() === 3) { // one image C × H × W
    if (x.shape[0] === 1) x = cat([x, x, x], 0);
    x = x.unsqueeze(0);
  }
  if (x.dim() !== 4) throw new RuntimeError(`make_grid: expected images [B, C, H, W], got ${x.dim()} dims`);
  if (x.shape[1] === 1) x = cat([x, x, x], 1);
  if (a.normalize) {
    const rescale = (img: Tensor) => {
      const [lo, hi] = a.value_range ?? [img.min().item(), img.max().item()];
      return img.clamp(lo, hi).sub(lo).div(Math.max(hi - lo, 1e-5));
    };
    x = a.scale_each ? stack(Array.from({ length: x.shape[0] }, (_, i) => rescale(x.select(0, i))), 0) : rescale(x);
  }
  if (x.shape[0] === 1) return x.squeeze(0);
  const [B, C, H, W] = x.shape;
  const cols = Math.min(a.nrow, B);
  const rows = Math.ceil(B / cols);
  const [h, w] = [H + a.padding, W + a.padding];
  const grid = Tensor.empty([C, rows * h + a.padding, cols * w + a.padding], x.dtype).fill_(a.pad_value);
  for (let k = 0; k < B; k++) {
    const [r, c] = [Math.floor(k / cols), k % cols];
    grid.narrow(1, r * h + a.padding, H).narrow(2, c * w + a.padding, W).copy_(x.select(0, k));
  }
  return grid;
}
