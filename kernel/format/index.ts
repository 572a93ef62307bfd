// The .actnb notebook format (docs/actnb-format.md): types, reading, writing, and .ipynb conversion.
// Runs anywhere (Node, the extension host, a browser): no vscode, no file system.
export * from "./types";
export { NotebookFormatError, formatPath } from "./errors";
export type { FormatErrorCode, JsonPath, TextLocation } from "./errors";
export { parseNotebook, parseNotebookBytes } from "./parse";
export { serializeNotebook } from "./serialize";
export { toIpynb, fromIpynb, parseIpynb, parseIpynbBytes, stringifyIpynb } from "./ipynb";
export type { IpynbCell, IpynbNotebook, IpynbOutput, MultilineString } from "./ipynb";
export { isJsonMime, isMimeType } from "./mime";
