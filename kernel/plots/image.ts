// image: a tensor shown as a PNG output (VS Code, Jupyter and exports show image/png natively),
// e.g. a torchvision.utils.make_grid of samples or of misclassified examples. Values are read as
// torchvision's save_image reads them: floats in [0, 1] (× 255, rounded, clamped), uint8 as is.
import { Tensor } from "../engine/tensor";
import type { InspectOptions } from "util";
import { MIMEBUNDLE } from "./chart";
import { inspectDisplayable } from "../display/tslab_value";
import { encodePng } from "../display/png";

export interface ImageOptions {
  /** Each pixel drawn as scale × scale pixels (nearest neighbour; default 1). */
  scale?: number;
  /** The text fallback (default "<image W×H>"). */
  title?: string;
}

/** A PNG picture (from plot.image): shows as an image in notebooks, as `text` elsewhere. */
export class Image {
  constructor(readonly png: Buffer, readonly width: number, readonly height: number, readonly text: string) {}
  [MIMEBUNDLE](): Record<string, string> { return { "image/png": this.png.toString("base64"), "text/plain": this.text }; }
  toString(): string { return this.text; }
  [Symbol.for("nodejs.util.inspect.custom")](depth: number, options: InspectOptions): string { return inspectDisplayable(this, this.text, depth, options); }
}

/** A PNG of `img`: [H, W] (grey), [1 | 3, H, W] (channels first, as make_grid gives). */
export function image(img: Tensor, options: ImageOptions = {}): Image {
  if (!(img instanceof Tensor)) throw new TypeError("image: expected a tensor");
  let x = img.detach();
  if (x.dim() === 2) x = x.unsqueeze(0);
  if (x.dim() !== 3 || (x.shape[0] !== 1 && x.shape[0] !== 3)) throw new RangeError(`image: expected [H, W], [1, H, W] or [3, H, W], got [${img.shape.join(", ")}]`);
  const scale = options.scale ?? 1;
  if (!Number.isInteger(scale) || scale < 1 || scale > 64) throw new RangeError(`image: scale must be a whole number from 1 to 64, not ${scale}`);
  const bytes = x.dtype.name === "uint8" ? x : x.to("float32").mul(255).add(0.5).clamp(0, 255).to("uint8");
  const [C, H, W] = bytes.shape;
  const hwc = bytes.permute([1, 2, 0]).contiguous().toArray() as Uint8Array;
  const [w, h] = [W * scale, H * scale];
  const pixels = new Uint8Array(w * h * C);
  for (let y = 0; y < h; y++) {
    for (let px = 0; px < w; px++) {
      const from = ((Math.floor(y / scale) * W) + Math.floor(px / scale)) * C;
      pixels.set(hwc.subarray(from, from + C), (y * w + px) * C);
    }
  }
  return new Image(encodePng(pixels, w, h, C as 1 | 3), w, h, options.title ?? `<image ${w}×${h}>`);
}
