// The dtypes the engine supports. int64 values are stored as doubles: every integer a user
// meets here (indices, counts, arange) is far below 2^53, and doubles keep the hot loops free
// of BigInt. Printing and promotion still treat them as torch.int64.

export type DTypeName = "float32" | "float64" | "int64" | "int32" | "uint8" | "bool";
export type TypedArray = Float32Array | Float64Array | Int32Array | Uint8Array;

const SCALAR_TYPE: Record<DTypeName, string> = { float32: "Float", float64: "Double", int64: "Long", int32: "Int", uint8: "Byte", bool: "Bool" };
const CPP_TYPE: Record<DTypeName, string> = { float32: "float", float64: "double", int64: "long int", int32: "int", uint8: "unsigned char", bool: "bool" };

export class DType {
  constructor(
    readonly name: DTypeName,
    /** Bytes per element in wasm memory. */
    readonly itemsize: number,
    readonly is_floating_point: boolean,
    readonly arrayType: { new (buffer: ArrayBufferLike, byteOffset: number, length: number): TypedArray },
  ) {}
  toString(): string { return `torch.${this.name}`; }
  /** PyTorch's ScalarType name, as its error messages say it: "Float", "Long", "Bool". */
  get scalarType(): string { return SCALAR_TYPE[this.name]; }
  /** The C++ type's name, as the few kernels that print it say it (clamp_, masked_fill_): "long int". */
  get cppType(): string { return CPP_TYPE[this.name]; }
  /** A number as this dtype's elements hold it: rounded to float32, truncated to an integer, or a bool (nonzero, nan too, is true). */
  cast(v: number): number {
    if (this.is_floating_point) return this.itemsize === 4 ? Math.fround(v) : v;
    if (this.name === "bool") return v !== 0 ? 1 : 0;
    // uint8 wraps modulo 256, as its Uint8Array storage stores an integer
    return this.name === "uint8" ? ((Math.trunc(v) % 256) + 256) % 256 : Math.trunc(v);
  }
  [Symbol.for("nodejs.util.inspect.custom")](): string { return this.toString(); }
}

export const float32 = new DType("float32", 4, true, Float32Array);
export const float64 = new DType("float64", 8, true, Float64Array);
export const int64 = new DType("int64", 8, false, Float64Array);
export const int32 = new DType("int32", 4, false, Int32Array);
export const uint8 = new DType("uint8", 1, false, Uint8Array);
export const bool = new DType("bool", 1, false, Uint8Array);

export const float = float32;
export const double = float64;
export const long = int64;
export const int = int32;

const BY_NAME: Record<string, DType> = { float32, float64, int64, int32, uint8, bool, float: float32, double: float64, long: int64, int: int32 };

/** Accepts a DType or its name ("float32", "torch.float32"). */
export function toDType(d: DType | string): DType {
  if (d instanceof DType) return d;
  const found = BY_NAME[String(d).replace(/^torch\./, "")];
  if (!found) throw new TypeError(`unknown dtype ${String(d)}`);
  return found;
}

/** torch.result_type for two tensors (category first, then width), e.g. int64+float32 -> float32. */
export function promoteTypes(a: DType, b: DType): DType {
  if (a === b) return a;
  const rank = (d: DType) => [bool, uint8, int32, int64, float32, float64].indexOf(d);
  return rank(a) >= rank(b) ? a : b;
}

/** PyTorch's canCast: no float into an integer tensor, nothing but bool into a bool tensor. */
export function canCast(from: DType, to: DType): boolean {
  return to.is_floating_point || (!from.is_floating_point && (to.name !== "bool" || from.name === "bool"));
}

/** The dtype of a tensor combined with a JS number, as PyTorch treats a Python int or float scalar. */
export function promoteWithScalar(t: DType, s: number | boolean): DType {
  if (typeof s === "boolean") return t;
  if (t.is_floating_point) return t;
  if (Number.isInteger(s)) return t === bool ? int64 : t;
  return float32;
}
