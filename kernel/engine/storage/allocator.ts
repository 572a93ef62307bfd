// A size-class allocator over wasm memory. Training loops allocate the same sizes step after
// step, so exact-size free lists give near-perfect reuse; blocks are 64-byte aligned for SIMD
// and cache lines. Dead tensors come back through finalisation (see gc.ts).
import { RESERVED_BYTES, ensureBytes, memory } from "./memory";
import { collectGarbageNow, createRegistry } from "./gc";

const ALIGN = 64;
/**
 * Allocation volume after which a memory growth first tries a collection. Small, so that memory
 * grows for live tensors rather than for garbage: a collection costs a few milliseconds (the
 * kernel's TypeScript compiler has its own thread and heap, see executor/converter_worker.ts).
 */
const COLLECT_AFTER_BYTES = 16 * 2 ** 20;

interface Block { offset: number; bytes: number }

// Free blocks, findable by size (reuse), by start and by end (merging with neighbours, so
// memory freed in pieces serves large requests again instead of growing the heap).
const freeLists = new Map<number, number[]>();
const freeAt = new Map<number, number>(); // offset -> bytes
const freeEndingAt = new Map<number, number>(); // end offset -> start offset
let top = RESERVED_BYTES;
let liveBytes = 0;
let peakBytes = 0;
let allocatedSinceCollect = 0;
let allocatedBytes = 0;
let collections = 0;

const registry = createRegistry<Block>((block) => release(block));

function roundUp(bytes: number): number {
  return Math.max(ALIGN, Math.ceil(bytes / ALIGN) * ALIGN);
}

function addFree(offset: number, bytes: number): void {
  let list = freeLists.get(bytes);
  if (!list) freeLists.set(bytes, (list = []));
  list.push(offset);
  freeAt.set(offset, bytes);
  freeEndingAt.set(offset + bytes, offset);
}

function removeFree(offset: number, bytes: number): void {
  const list = freeLists.get(bytes)!;
  const i = list.lastIndexOf(offset);
  list[i] = list[list.length - 1];
  list.pop();
  if (!list.length) freeLists.delete(bytes);
  freeAt.delete(offset);
  freeEndingAt.delete(offset + bytes);
}

function takeFree(bytes: number): number | undefined {
  const list = freeLists.get(bytes);
  if (!list || !list.length) return undefined;
  const offset = list[list.length - 1];
  removeFree(offset, bytes);
  return offset;
}

/** The smallest free block that holds `bytes`, split so the rest stays free. */
function takeLarger(bytes: number): number | undefined {
  let best: number | undefined;
  for (const size of freeLists.keys()) if (size > bytes && (best === undefined || size < best)) best = size;
  if (best === undefined) return undefined;
  const offset = takeFree(best)!;
  addFree(offset + bytes, best - bytes);
  return offset;
}

function release(block: Block): void {
  liveBytes -= block.bytes;
  let offset = block.offset, bytes = block.bytes;
  const before = freeEndingAt.get(offset);
  if (before !== undefined) {
    const size = freeAt.get(before)!;
    removeFree(before, size);
    offset = before;
    bytes += size;
  }
  const afterSize = freeAt.get(offset + bytes);
  if (afterSize !== undefined) {
    removeFree(offset + bytes, afterSize);
    bytes += afterSize;
  }
  if (offset + bytes === top) top = offset;
  else addFree(offset, bytes);
}

/**
 * Reserves `bytes` of wasm memory for `owner`; the block returns to the pool when the owner
 * is garbage-collected, or earlier through the returned token and freeBlock().
 */
export function allocate(owner: object, bytes: number): Block {
  const size = roundUp(bytes);
  let offset = takeFree(size);
  if (offset === undefined && registry.cleanupSome) {
    // Blocks of tensors a past collection found dead come back only when their finalisers run,
    // a task V8 schedules later: run the pending ones now, so that the recently used (cache-warm,
    // already mapped) memory is reused before fresh memory is touched.
    registry.cleanupSome();
    offset = takeFree(size);
  }
  // A larger free block, split, before fresh memory at the top: memory already touched is
  // mapped and likely cached, and the heap does not grow while it has room.
  if (offset === undefined) offset = takeLarger(size);
  if (offset === undefined && top + size > memory.buffer.byteLength) {
    if (allocatedSinceCollect > COLLECT_AFTER_BYTES && collectGarbageNow(registry)) {
      allocatedSinceCollect = 0;
      collections++;
      offset = takeFree(size) ?? takeLarger(size);
    }
  }
  if (offset === undefined) {
    offset = top;
    ensureBytes(top + size);
    top += size;
  }
  const block = { offset, bytes: size };
  registry.register(owner, block, block);
  liveBytes += size;
  allocatedSinceCollect += size;
  allocatedBytes += size;
  if (liveBytes > peakBytes) peakBytes = liveBytes;
  return block;
}

/** Frees a block now (the owner must never touch it again). */
export function freeBlock(block: Block): void {
  registry.unregister(block);
  release(block);
}

/**
 * liveBytes: held by tensors now; peakBytes: the most ever held at once; heapBytes: wasm memory
 * handed out so far; wasmBytes: the memory's size; allocatedBytes: all allocations ever;
 * collections: garbage collections the allocator forced to get memory back.
 */
export interface MemoryStats { liveBytes: number; peakBytes: number; heapBytes: number; wasmBytes: number; allocatedBytes: number; collections: number }
export function memoryStats(): MemoryStats {
  return { liveBytes, peakBytes, heapBytes: top - RESERVED_BYTES, wasmBytes: memory.buffer.byteLength, allocatedBytes, collections };
}
export function resetPeak(): void { peakBytes = liveBytes; }
export type { Block };
