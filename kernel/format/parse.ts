// .actnb text (or bytes) → Notebook, with every problem reported as a NotebookFormatError that names
// the file, the line:column and the JSON path.
import { decodeUtf8, placeError, readJsonText } from "./read-json";
import { Notebook } from "./types";
import { validateNotebook } from "./validate";

/** Reads an .actnb notebook. `fileName` only appears in error messages. */
export function parseNotebook(text: string, fileName?: string): Notebook {
  const doc = readJsonText(text, fileName, "notebook");
  try {
    return validateNotebook(doc);
  } catch (e) {
    throw placeError(e, text, fileName);
  }
}

/** Reads an .actnb notebook from the file's bytes (UTF-8; a byte-order mark is ignored). */
export function parseNotebookBytes(bytes: Uint8Array, fileName?: string): Notebook {
  return parseNotebook(decodeUtf8(bytes, fileName, "notebook"), fileName);
}
