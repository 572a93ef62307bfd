// The one way the translator gives up: a construct outside the supported subset, named with
// where it is and what to write instead. Nothing half-translated is ever written.
import * as ts from "@tslab/typescript-for-tslab";

export class UntranslatableError extends Error {
  constructor(
    /** 1-based position of the cell among the notebook's cells (markdown cells count). */
    readonly cell: number,
    /** 1-based line and column inside the cell. */
    readonly line: number,
    readonly column: number,
    /** What the construct is, e.g. "a switch statement". */
    readonly construct: string,
    /** What to write instead, so that the cell translates. */
    readonly hint: string,
    /** The cell's title, when it has one. */
    readonly cellTitle?: string,
  ) {
    super(`cell ${cell}${cellTitle ? ` ("${cellTitle}")` : ""}, line ${line}, column ${column}: ${construct} has no PyTorch translation; ${hint}`);
    this.name = "UntranslatableError";
  }
}

/** Thrown while translating; the notebook translator adds the cell and its position. */
export class Refusal extends Error {
  constructor(readonly node: ts.Node, readonly construct: string, readonly hint: string) {
    super(`${construct}: ${hint}`);
  }
}

export function refuse(node: ts.Node, construct: string, hint: string): never {
  throw new Refusal(node, construct, hint);
}
