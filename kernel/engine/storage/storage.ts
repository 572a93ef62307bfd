// A Storage is a run of elements of one dtype in wasm memory. Tensors are views over it
// (shape, strides, offset), so reshapes and transposes share elements as in PyTorch.
import { DType, TypedArray } from "../dtype";
import { allocate, freeBlock, Block } from "./allocator";
import { memory, MAX_BYTES } from "./memory";
import { RuntimeError } from "../errors";

/** Ties a view to its Storage: while a computation holds the view, the elements stay allocated. */
const OWNER = Symbol("actnb.storage");

/** A subarray of a storage's view that keeps the storage alive like the view does. */
export function pinnedSubarray(view: TypedArray, begin: number, end: number): TypedArray {
  const sub = view.subarray(begin, end);
  const owner = (view as unknown as Record<symbol, unknown>)[OWNER];
  if (owner) Object.defineProperty(sub, OWNER, { value: owner });
  return sub;
}

let storagesMade = 0;

/** How many storages have been made so far: a storage with a higher `serial` is younger. */
export function storageCount(): number {
  return storagesMade;
}

export class Storage {
  private block: Block | null;
  private view: TypedArray | null = null;
  /** Order of creation (1, 2, …): tells the backward pass which gradients it made itself. */
  readonly serial = ++storagesMade;
  /** The version counter of tensors over these elements (autograd's check against in-place writes). */
  readonly version = { value: 0 };

  constructor(readonly dtype: DType, readonly size: number) {
    const bytes = size * dtype.itemsize;
    // PyTorch's allocator names the size it could not get; wasm32 memory ends at 4 GiB
    if (bytes > MAX_BYTES) throw new RuntimeError(`[enforce fail at alloc_cpu.cpp:75] err == 0. DefaultCPUAllocator: can't allocate memory: you tried to allocate ${bytes} bytes. Error code 12 (Cannot allocate memory)`);
    this.block = size > 0 ? allocate(this, bytes) : null;
  }

  /** Byte address in wasm memory (for the wasm kernels). */
  get byteOffset(): number {
    return this.block ? this.block.offset : 0;
  }

  /**
   * A typed-array view of the elements. Memory is shared, so the view stays valid when memory
   * grows; and the view holds this Storage, so the block cannot be reclaimed while the view is
   * in use, even if the tensor itself is no longer referenced.
   */
  get data(): TypedArray {
    if (this.view === null) {
      if (this.block === null && this.size > 0) throw new Error("storage used after it was freed");
      this.view = new this.dtype.arrayType(memory.buffer, this.byteOffset, this.size);
      Object.defineProperty(this.view, OWNER, { value: this });
    }
    return this.view;
  }

  /** Returns the memory now, for engine-internal temporaries nobody else can see. */
  free(): void {
    if (this.block) freeBlock(this.block);
    this.block = null;
    this.view = null;
  }
}
