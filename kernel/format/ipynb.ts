// Conversion between .actnb notebooks and Jupyter notebooks (.ipynb, nbformat 4):
// toIpynb / fromIpynb on objects, parseIpynb / stringifyIpynb on text.
// docs/actnb-format.md ("Conversion to and from .ipynb") describes the mapping.
import { fromIpynb } from "./ipynb-from";
import { IpynbNotebook } from "./ipynb-common";
import { decodeUtf8, placeError, readJsonText } from "./read-json";
import { Notebook } from "./types";
import { writeJson } from "./write-json";

export { toIpynb } from "./ipynb-to";
export { fromIpynb } from "./ipynb-from";
export type { IpynbCell, IpynbNotebook, IpynbOutput, MultilineString } from "./ipynb-common";

/** Reads .ipynb text into a Notebook; errors name the file, line:column and .ipynb JSON path. */
export function parseIpynb(text: string, fileName?: string): Notebook {
  const doc = readJsonText(text, fileName, "Jupyter notebook");
  try {
    return fromIpynb(doc);
  } catch (e) {
    throw placeError(e, text, fileName);
  }
}

/** Reads .ipynb bytes (UTF-8) into a Notebook. */
export function parseIpynbBytes(bytes: Uint8Array, fileName?: string): Notebook {
  return parseIpynb(decodeUtf8(bytes, fileName, "Jupyter notebook"), fileName);
}

/** .ipynb text as Jupyter writes it: keys sorted, 1-space indentation, a trailing newline. */
export function stringifyIpynb(ipynb: IpynbNotebook): string {
  return writeJson(ipynb, { indent: " ", sortKeys: true }) + "\n";
}
