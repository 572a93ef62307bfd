// The one linear memory that holds every tensor's elements. The wasm kernels import it, so
// they work on tensors in place; JS sees the same bytes through typed-array views.
export const PAGE_BYTES = 65536;
/** Low addresses belong to the wasm kernels' static data and stack. */
export const RESERVED_BYTES = 16 * PAGE_BYTES;
const MAX_PAGES = 65536; // 4 GiB, wasm32's limit
/** The most one tensor's elements can take: all of memory above the reserved low addresses. */
export const MAX_BYTES = MAX_PAGES * PAGE_BYTES - RESERVED_BYTES;

// Shared, so that growing it never detaches typed-array views a computation already holds (an
// ordinary memory's growth detaches every view of the old buffer). The wasm kernels must
// therefore import a *shared* memory (AssemblyScript: --importMemory --sharedMemory
// --enable threads); they use no atomics.
export const memory = new WebAssembly.Memory({ initial: 64, maximum: MAX_PAGES, shared: true });

/** Grows memory so that at least `endByte` bytes exist; doubles to keep growth rare. */
export function ensureBytes(endByte: number): void {
  const have = memory.buffer.byteLength;
  if (endByte <= have) return;
  const wantPages = Math.ceil(endByte / PAGE_BYTES);
  const havePages = have / PAGE_BYTES;
  const pages = Math.min(MAX_PAGES, Math.max(wantPages, havePages * 2));
  if (wantPages > MAX_PAGES) {
    throw new RangeError(`out of memory: tensors need ${Math.ceil(endByte / 2 ** 20)} MiB, more than the 4096 MiB wasm memory can hold`);
  }
  memory.grow(pages - havePages);
}
