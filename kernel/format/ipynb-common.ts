// The Jupyter notebook format (nbformat 4) as far as the conversion needs it, and the conventions
// both conversion directions share: defaults, the reserved metadata keys, line splitting, cell ids.
import { cloneJson, hasOwn, setOwn } from "./json-util";
import { JsonPath } from "./errors";
import { JsonObject, JsonValue } from "./types";

/** A multi-line string in .ipynb: one string, or a list of lines joined with "". */
export type MultilineString = string | string[];

export interface IpynbNotebook {
  nbformat: number;
  nbformat_minor: number;
  metadata: JsonObject;
  cells: IpynbCell[];
  [field: string]: JsonValue | undefined;
}

export interface IpynbCell {
  id?: string;
  cell_type: string;
  metadata: JsonObject;
  source: MultilineString;
  outputs?: IpynbOutput[];
  execution_count?: number | null;
  attachments?: JsonObject;
  [field: string]: JsonValue | undefined;
}

export interface IpynbOutput {
  output_type: string;
  /** execute_result and display_data */
  data?: JsonObject;
  metadata?: JsonObject;
  /** execute_result */
  execution_count?: number | null;
  /** stream */
  name?: string;
  text?: MultilineString;
  /** error */
  ename?: string;
  evalue?: string;
  traceback?: string[];
  [field: string]: JsonValue | undefined;
}

/** The nbformat version toIpynb writes. */
export const IPYNB_FORMAT = { nbformat: 4, nbformat_minor: 5 } as const;

/** The kernelspec toIpynb writes when the notebook has none: tslab, a TypeScript kernel for Jupyter. */
export const TSLAB_KERNELSPEC: JsonObject = { name: "tslab", display_name: "TypeScript", language: "typescript" };

/** The language_info toIpynb writes when the notebook has none: exactly what tslab reports. */
export const TYPESCRIPT_LANGUAGE_INFO: JsonObject = {
  codemirror_mode: { mode: "typescript", name: "javascript", typescript: true },
  file_extension: ".ts",
  mimetype: "text/typescript",
  name: "typescript",
  version: "3.7.2",
};

/** In .actnb metadata: .ipynb fields with no .actnb equivalent (a partial .ipynb object). */
export const IPYNB_KEY = "ipynb";
/** In .ipynb metadata: .actnb fields with no .ipynb equivalent (a partial .actnb object). */
export const ACTNB_KEY = "actnb";

/** The language of code cells in an .ipynb notebook: language_info.name, else kernelspec.language, else TypeScript. */
export function ipynbLanguage(metadata: JsonObject): string {
  const info = metadata.language_info;
  if (isObject(info) && typeof info.name === "string") return info.name;
  const spec = metadata.kernelspec;
  if (isObject(spec) && typeof spec.language === "string") return spec.language;
  return "typescript";
}

/** The language a cell has in .ipynb when nothing says otherwise (VS Code's metadata.vscode.languageId counts). */
export function defaultCellLanguage(cellType: string, cellMetadata: JsonObject, notebookLanguage: string): string {
  if (cellType === "markdown") return "markdown";
  if (cellType === "raw") return "raw";
  const vscode = cellMetadata.vscode;
  if (isObject(vscode) && typeof vscode.languageId === "string") return vscode.languageId;
  return notebookLanguage;
}

/** The id toIpynb gives the cell at `index` when it has none of its own. */
export function generatedCellId(index: number): string {
  return `cell-${index + 1}`;
}

/** "a\nb\n" → ["a\n", "b\n"], the way Jupyter writes multi-line strings ("" → []). */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", start)) {
    lines.push(text.slice(start, i + 1));
    start = i + 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/** Text MIME types that Jupyter writes as lists of lines; other strings (base64 images) stay whole. */
export function isSplitMime(mime: string): boolean {
  return mime.startsWith("text/") || mime === "application/javascript" || mime === "image/svg+xml";
}

/**
 * Metadata crossing to the other format. Every entry passes unchanged except `own` (this side's
 * reserved key, which the caller handles) and `other` (the other side's reserved key, which cannot
 * pass): that one goes to `partial.metadata`, a partial object of this side's format.
 */
export function crossMetadata(meta: JsonObject, own: string, other: string | undefined, partial: JsonObject, path: JsonPath): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(meta)) {
    if (key === own || meta[key] === undefined) continue;
    const value = cloneJson(meta[key], [...path, key]);
    if (key === other) {
      const kept: JsonObject = {};
      setOwn(kept, key, value);
      setOwn(partial, "metadata", kept);
    } else {
      setOwn(out, key, value);
    }
  }
  return out;
}

/** Puts back the metadata entries a partial object kept (`partial.metadata`). */
export function restoreMetadata(meta: JsonObject, partial: JsonObject | undefined, path: JsonPath): void {
  const kept = partial?.metadata;
  if (!isObject(kept)) return;
  for (const key of Object.keys(kept)) if (kept[key] !== undefined) setOwn(meta, key, cloneJson(kept[key], [...path, key]));
}

/** Copies the members of `from` whose keys are not in `skip` (and not already in `to`) into `to`. */
export function copyFields(to: JsonObject, from: JsonObject | undefined, skip: ReadonlySet<string>, path: JsonPath): void {
  if (from === undefined) return;
  for (const key of Object.keys(from)) {
    if (skip.has(key) || hasOwn(to, key) || from[key] === undefined) continue;
    setOwn(to, key, cloneJson(from[key], [...path, key]));
  }
}

export function isEmpty(o: object): boolean {
  return Object.keys(o).length === 0;
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
