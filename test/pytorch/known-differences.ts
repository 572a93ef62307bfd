// The one table of genuine, explained differences between a notebook's actnb outputs and its
// exported PyTorch notebook's. An entry accepts exactly the differences it lists, for that output
// of that cell (copy them from the suite's report); the suite fails when an entry's differences
// no longer occur, so the table only shrinks.
import { OutputKind } from "./compare";

export interface KnownDifference {
  /** The notebook's file name without its extension, e.g. "10-activations-in-a-cnn". */
  notebook: string;
  /** The code cell's title (or "code cell N" for an untitled one). */
  cell: string;
  output: OutputKind;
  /** Exactly the difference lines the comparison reports for that output of that cell. */
  differences: string[];
  /** Why the difference is genuine, e.g. PyTorch's float32 conv kernels summing in another order. */
  reason: string;
}

export const KNOWN_DIFFERENCES: KnownDifference[] = [];
