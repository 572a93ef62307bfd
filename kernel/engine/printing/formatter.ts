// torch._tensor_str._Formatter: picks one layout (integer / fixed / scientific) and one width
// for all the elements that will be shown.
import { formatExp, formatFixed, formatInt } from "./pyformat";
import { PrintOptions } from "./types";

export class Formatter {
  readonly floating: boolean;
  int_mode = true;
  sci_mode = false;
  max_width = 1;
  private readonly precision: number;
  private readonly isBool: boolean;

  /**
   * values: the elements the formatter is fitted to (the summarized ones when summarizing),
   * already as Python would see them: float32 widened to double, bool as 0/1.
   */
  constructor(values: readonly number[], floating: boolean, isBool: boolean, opts: PrintOptions) {
    this.floating = floating;
    this.isBool = isBool;
    this.precision = opts.precision;
    const p = opts.precision;

    if (!floating) {
      for (const v of values) this.max_width = Math.max(this.max_width, this.plain(v).length);
      // PyTorch applies PRINT_OPTS.sci_mode here too, but never reads it for non-floats.
      if (opts.sci_mode !== null) this.sci_mode = opts.sci_mode;
      return;
    }

    const nonzeroFinite: number[] = [];
    for (const v of values) if (Number.isFinite(v) && v !== 0) nonzeroFinite.push(v);
    // No valid number: keep the defaults, and (as in PyTorch) ignore PRINT_OPTS.sci_mode.
    if (nonzeroFinite.length === 0) return;

    let absMin = Infinity;
    let absMax = 0;
    for (const v of nonzeroFinite) {
      const a = Math.abs(v);
      if (a < absMin) absMin = a;
      if (a > absMax) absMax = a;
    }
    for (const v of nonzeroFinite) {
      if (v !== Math.ceil(v)) {
        this.int_mode = false;
        break;
      }
    }

    if (this.int_mode) {
      // All integers: print "2." style, with room for the trailing dot.
      if (absMax / absMin > 1000.0 || absMax > 1.0e8) {
        this.sci_mode = true;
        for (const v of nonzeroFinite) this.max_width = Math.max(this.max_width, formatExp(v, p).length);
      } else {
        for (const v of nonzeroFinite) this.max_width = Math.max(this.max_width, formatFixed(v, 0).length + 1);
      }
    } else if (absMax / absMin > 1000.0 || absMax > 1.0e8 || absMin < 1.0e-4) {
      this.sci_mode = true;
      for (const v of nonzeroFinite) this.max_width = Math.max(this.max_width, formatExp(v, p).length);
    } else {
      for (const v of nonzeroFinite) this.max_width = Math.max(this.max_width, formatFixed(v, p).length);
    }

    if (opts.sci_mode !== null) this.sci_mode = opts.sci_mode;
  }

  width(): number {
    return this.max_width;
  }

  /** One element, right-aligned to the common width (never truncated). */
  format(value: number): string {
    let ret: string;
    if (this.floating) {
      if (this.sci_mode) {
        ret = formatExp(value, this.precision);
      } else if (this.int_mode) {
        ret = formatFixed(value, 0);
        if (Number.isFinite(value)) ret += ".";
      } else {
        ret = formatFixed(value, this.precision);
      }
    } else {
      ret = this.plain(value);
    }
    return ret.length < this.max_width ? " ".repeat(this.max_width - ret.length) + ret : ret;
  }

  /** Python "{}".format(v) for an integer or bool element. */
  private plain(v: number): string {
    if (this.isBool) return v ? "True" : "False";
    return formatInt(v);
  }
}
