// A Storage is a run of elements of one dtype in wasm memory. Tensors are views over it
// (shape, strides, offset), so reshapes and transposes share elements as in PyTorch.
import { DType, TypedArray } from "../dtype";
import { allocate, freeBlock, Block } from "./allocator";
import { memory } from "./memory";

export class Storage {
  private block: Block | null;
  private cachedBuffer: ArrayBuffer | null = null;
  private cachedView: TypedArray | null = null;

  constructor(readonly dtype: DType, readonly size: number) {
    this.block = size > 0 ? allocate(this, size * dtype.itemsize) : null;
  }

  /** Byte address in wasm memory (for the wasm kernels). */
  get byteOffset(): number {
    return this.block ? this.block.offset : 0;
  }

  /** A typed-array view of the elements; re-derived after memory grows. */
  get data(): TypedArray {
    const buffer = memory.buffer;
    if (buffer !== this.cachedBuffer) {
      if (this.block === null && this.size > 0) throw new Error("storage used after it was freed");
      this.cachedView = new this.dtype.arrayType(buffer, this.byteOffset, this.size);
      this.cachedBuffer = buffer;
    }
    return this.cachedView!;
  }

  /** Returns the memory now, for engine-internal temporaries nobody else can see. */
  free(): void {
    if (this.block) freeBlock(this.block);
    this.block = null;
    this.cachedBuffer = null;
    this.cachedView = null;
  }
}
