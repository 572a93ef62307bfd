// Global print options: torch.set_printoptions / PRINT_OPTS.
import { PrintOptions } from "./types";
import { bindEntry } from "../args";
import { TORCH_FUNCTIONS_MISC } from "../api/tables/misc";

const PRINT_OPTS: PrintOptions = { precision: 4, threshold: 1000, edgeitems: 3, linewidth: 80, sci_mode: null };

export interface SetPrintOptionsArgs {
  precision?: number;
  threshold?: number;
  edgeitems?: number;
  linewidth?: number;
  profile?: "default" | "short" | "full";
  sci_mode?: boolean | null;
}

/**
 * Like torch.set_printoptions: a profile first resets precision/threshold/edgeitems/linewidth,
 * then each given option overrides it. As in PyTorch, sci_mode is always assigned: leaving it
 * out sets it back to null (automatic).
 */
export function set_printoptions(...args: unknown[]): void {
  type Given<T> = { [K in keyof T]-?: T[K] | null };
  const a = bindEntry<Given<SetPrintOptionsArgs>>("set_printoptions", args, TORCH_FUNCTIONS_MISC.set_printoptions);
  // the options not given are null here, undefined below
  const opts: SetPrintOptionsArgs = { precision: a.precision ?? undefined, threshold: a.threshold ?? undefined, edgeitems: a.edgeitems ?? undefined, linewidth: a.linewidth ?? undefined, profile: a.profile ?? undefined, sci_mode: a.sci_mode };
  const { profile } = opts;
  if (profile !== undefined) {
    if (profile === "default") {
      Object.assign(PRINT_OPTS, { precision: 4, threshold: 1000, edgeitems: 3, linewidth: 80 });
    } else if (profile === "short") {
      Object.assign(PRINT_OPTS, { precision: 2, threshold: 1000, edgeitems: 2, linewidth: 80 });
    } else if (profile === "full") {
      Object.assign(PRINT_OPTS, { precision: 4, threshold: Infinity, edgeitems: 3, linewidth: 80 });
    }
  }
  if (opts.precision !== undefined) PRINT_OPTS.precision = opts.precision;
  if (opts.threshold !== undefined) PRINT_OPTS.threshold = opts.threshold;
  if (opts.edgeitems !== undefined) PRINT_OPTS.edgeitems = opts.edgeitems;
  if (opts.linewidth !== undefined) PRINT_OPTS.linewidth = opts.linewidth;
  PRINT_OPTS.sci_mode = opts.sci_mode ?? null;
}

/** A copy of the current global print options. */
export function get_printoptions(): PrintOptions {
  return { ...PRINT_OPTS };
}

/** The global options with per-call overrides applied (undefined entries are ignored). */
export function resolveOptions(overrides?: Partial<PrintOptions>): PrintOptions {
  const out = get_printoptions();
  if (overrides) {
    for (const key of Object.keys(overrides) as (keyof PrintOptions)[]) {
      const v = overrides[key];
      if (v !== undefined) (out as any)[key] = v;
    }
  }
  return out;
}
