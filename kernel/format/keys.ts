// The fields each object of the format knows, in the order serializeNotebook writes them
// (docs/actnb-format.md, "Key order"). Other fields are kept and written after these.

/** The known keys of each object, in the order serializeNotebook writes them. */
export const KEYS = {
  notebook: ["actnb", "metadata", "cells"],
  notebookMetadata: ["title", "kernel", "ipynb"],
  kernel: ["name", "version"],
  cell: ["kind", "language", "metadata", "source", "execution", "outputs"],
  cellMetadata: ["title", "collapsed", "volatile", "ipynb"],
  execution: ["order", "started", "duration_ms", "success"],
  display: ["items", "result", "metadata"],
  stream: ["stream", "text", "metadata"],
  error: ["error", "metadata"],
  errorInfo: ["name", "message", "stack"],
  outputMetadata: ["ipynb"],
} as const;

export const KEY_SETS = Object.fromEntries(Object.entries(KEYS).map(([k, v]) => [k, new Set<string>(v)])) as unknown as Record<keyof typeof KEYS, ReadonlySet<string>>;

/** The language a cell has when the file names none. */
export const DEFAULT_LANGUAGE = { markdown: "markdown", code: "typescript" } as const;
