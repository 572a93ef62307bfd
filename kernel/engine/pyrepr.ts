// Python's repr() of the values that appear in module reprs: floats as 1.0 / 0.01 / 1e-05,
// strings quoted, booleans as True/False.
export function pyFloat(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const [mantissa, expText] = x.toExponential().split("e");
  const exp = Number(expText);
  if (exp < -4 || exp >= 16) {
    const m = mantissa.includes(".") ? mantissa : mantissa;
    return `${m}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  const s = String(x);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

export function pyRepr(v: unknown, kind: "float" | "int" | "auto" = "auto"): string {
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "string") return `'${v}'`;
  if (v === null || v === undefined) return "None";
  if (typeof v === "number") return kind === "int" || (kind === "auto" && Number.isInteger(v)) ? String(v) : pyFloat(v);
  if (Array.isArray(v)) return `(${v.map((e) => pyRepr(e, kind)).join(", ")}${v.length === 1 ? "," : ""})`;
  return String(v);
}

/** The name Python's type() would give a JS value, for error messages ("int", "str", "list", ...). */
export function pyTypeName(v: unknown): string {
  if (v === null || v === undefined) return "NoneType";
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float";
  if (typeof v === "string") return "str";
  if (typeof v === "boolean") return "bool";
  if (Array.isArray(v)) return "list";
  if (typeof v === "function") return "function";
  const proto = Object.getPrototypeOf(v);
  if (proto === Object.prototype || proto === null) return "dict"; // an options object is Python's keyword dict
  // a class's own tag (Tensor's is "Tensor"), which survives minification unlike constructor.name
  return (v as { [Symbol.toStringTag]?: string })[Symbol.toStringTag] ?? (v as object).constructor?.name ?? "object";
}
