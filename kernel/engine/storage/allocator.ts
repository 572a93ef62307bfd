// A size-class allocator over wasm memory. Training loops allocate the same sizes step after
// step, so exact-size free lists give near-perfect reuse; blocks are 64-byte aligned for SIMD
// and cache lines. Dead tensors come back through finalisation (see gc.ts).
import { RESERVED_BYTES, ensureBytes, memory } from "./memory";
import { collectGarbageNow, createRegistry } from "./gc";

const ALIGN = 64;
/** Allocation volume after which a memory growth first tries a collection. */
const COLLECT_AFTER_BYTES = 64 * 2 ** 20;

interface Block { offset: number; bytes: number }

const freeLists = new Map<number, number[]>();
let top = RESERVED_BYTES;
let liveBytes = 0;
let peakBytes = 0;
let allocatedSinceCollect = 0;

const registry = createRegistry<Block>((block) => release(block));

function roundUp(bytes: number): number {
  return Math.max(ALIGN, Math.ceil(bytes / ALIGN) * ALIGN);
}

function takeFree(bytes: number): number | undefined {
  const exact = freeLists.get(bytes);
  if (exact && exact.length) return exact.pop();
  return undefined;
}

/** A free block of up to twice the size, split so the rest stays reusable. */
function takeLarger(bytes: number): number | undefined {
  let best: number | undefined;
  for (const [size, list] of freeLists) {
    if (list.length && size > bytes && size <= 2 * bytes && (best === undefined || size < best)) best = size;
  }
  if (best === undefined) return undefined;
  const offset = freeLists.get(best)!.pop()!;
  pushFree(offset + bytes, best - bytes);
  return offset;
}

function pushFree(offset: number, bytes: number): void {
  let list = freeLists.get(bytes);
  if (!list) freeLists.set(bytes, (list = []));
  list.push(offset);
}

function release(block: Block): void {
  liveBytes -= block.bytes;
  if (block.offset + block.bytes === top) top = block.offset;
  else pushFree(block.offset, block.bytes);
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
  if (offset === undefined && top + size > memory.buffer.byteLength) {
    if (allocatedSinceCollect > COLLECT_AFTER_BYTES && collectGarbageNow(registry)) {
      allocatedSinceCollect = 0;
      offset = takeFree(size);
    }
    if (offset === undefined) offset = takeLarger(size);
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
  if (liveBytes > peakBytes) peakBytes = liveBytes;
  return block;
}

/** Frees a block now (the owner must never touch it again). */
export function freeBlock(block: Block): void {
  registry.unregister(block);
  release(block);
}

export interface MemoryStats { liveBytes: number; peakBytes: number; heapBytes: number; wasmBytes: number }
export function memoryStats(): MemoryStats {
  return { liveBytes, peakBytes, heapBytes: top - RESERVED_BYTES, wasmBytes: memory.buffer.byteLength };
}
export function resetPeak(): void { peakBytes = liveBytes; }
export type { Block };
