// What the editor's language features get from the kernel (hover, completion details, signature
// help, go-to-definition): plain data that crosses the worker and process boundaries, with the
// compiler's display parts already joined into text.

/** A JSDoc tag of a symbol: `@param x the input` is { name: "param", text: "x the input" }. */
export interface DocTag {
  name: string;
  text: string;
}

/** A symbol as a hover or a completion's details show it. */
export interface SymbolInfo {
  /** The declaration as TypeScript shows it (`function leaky_relu(input: Tensor, ...): Tensor`). */
  signature: string;
  /** The doc comment's text, without its tags. */
  documentation: string;
  tags: DocTag[];
}

export interface SignatureParameter {
  /** The parameter as it appears in the signature (`negative_slope?: number`). */
  label: string;
  /** Where the label is in its signature's label: [start, end). */
  offsets: [number, number];
  documentation: string;
}

export interface SignatureInfo {
  /** The whole signature; each parameter's label appears in it in order. */
  label: string;
  documentation: string;
  tags: DocTag[];
  parameters: SignatureParameter[];
}

/** The overloads of the call around the cursor, which one fits best and which argument is being typed. */
export interface SignatureHelpInfo {
  signatures: SignatureInfo[];
  activeSignature: number;
  activeParameter: number;
}

/**
 * Where a symbol is declared: a file on disk (the engine's typings, a package's), or, with
 * `file` null, the cell being edited itself. Lines and characters are 0-based.
 */
export interface DefinitionInfo {
  file: string | null;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

/** Completions at a position: the text they replace and each candidate with its kind. */
export interface CompletionList {
  start: number;
  end: number;
  candidates: string[];
  /** The compiler's kind of each candidate ("function", "class", "property", ...), same order. */
  kinds: string[];
}
