// torch.save / torch.load: tensors, state dicts and plain structures of them, in actnb's own
// file format (docs/tensor-file.md), so that a trained model survives a kernel restart. Not
// PyTorch's zip/pickle format: a .pt file from PyTorch is recognised and refused by name.
//
// The file: the line "ACTNB-TENSORS 1", one line of JSON (the value, with each tensor replaced by
// {"$tensor": i}, each Map by {"$map": [[key, value], ...]}, and the list of tensors: dtype,
// shape, requires_grad, byte offset and length), then the tensors' elements, little-endian,
// each starting at a multiple of 8 bytes. Saving is atomic (kernel/files/save.ts).
import * as fs from "fs";
import { Tensor } from "./tensor";
import { DType, toDType, int64 } from "./dtype";
import { RuntimeError } from "./errors";
import { bindEntry } from "./args";
import { TORCH_FUNCTIONS_MISC } from "./api/tables/misc";
import { availableDevice, Device } from "./device";
import { contiguousData } from "./ops/strided";
import { saveFileAtomically } from "../files/save";

const MAGIC = "ACTNB-TENSORS 1\n";

interface TensorEntry { dtype: string; shape: number[]; requires_grad: boolean; offset: number; bytes: number }

/** The bytes of a tensor's elements, little-endian (int64 as 64-bit integers). */
function elementBytes(t: Tensor): Uint8Array {
  const data = contiguousData(t);
  if (t.dtype === int64) {
    const out = new BigInt64Array(data.length);
    for (let i = 0; i < data.length; i++) out[i] = BigInt(data[i]);
    return new Uint8Array(out.buffer);
  }
  const copy = (data as { slice(): typeof data }).slice();
  return new Uint8Array(copy.buffer, copy.byteOffset, copy.byteLength);
}

function encode(value: unknown, tensors: Tensor[], path: string): unknown {
  if (value instanceof Tensor) return { $tensor: tensors.push(value) - 1 };
  if (value instanceof Map) return { $map: [...value.entries()].map(([k, v]) => [k, encode(v, tensors, `${path}[${JSON.stringify(k)}]`)]) };
  if (Array.isArray(value)) return value.map((v, i) => encode(v, tensors, `${path}[${i}]`));
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { $number: String(value) };
    return value;
  }
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = encode(v, tensors, `${path}.${k}`);
    return out;
  }
  throw new TypeError(`torch.save: cannot save ${path || "the value"}: ${value === undefined ? "undefined" : (value as object).constructor?.name ?? typeof value} (tensors, Maps, arrays, plain objects, numbers, strings, booleans and null can be saved)`);
}

/** torch.save(obj, f): writes `obj` to the file `f`. */
export function save(...args: unknown[]): void {
  const a = bindEntry<{ obj: unknown; f: string }>("save", args, TORCH_FUNCTIONS_MISC.save);
  const obj = a.obj;
  if (typeof a.f !== "string") throw new TypeError("torch.save: f must be a file's path (a string)");
  const tensors: Tensor[] = [];
  const value = encode(obj, tensors, "");
  const blobs = tensors.map(elementBytes);
  const entries: TensorEntry[] = [];
  let offset = 0;
  tensors.forEach((t, i) => {
    entries.push({ dtype: t.dtype.name, shape: [...t.shape], requires_grad: t.requires_grad, offset, bytes: blobs[i].length });
    offset += Math.ceil(blobs[i].length / 8) * 8;
  });
  const head = Buffer.from(`${MAGIC}${JSON.stringify({ value, tensors: entries })}\n`, "utf8");
  const start = Math.ceil(head.length / 8) * 8;
  const file = Buffer.alloc(start + offset);
  head.copy(file, 0);
  file.fill(0x20, head.length, start); // spaces up to the aligned start of the data
  blobs.forEach((b, i) => file.set(b, start + entries[i].offset));
  saveFileAtomically(a.f, file);
}

function decode(value: unknown, tensors: Tensor[]): unknown {
  if (Array.isArray(value)) return value.map((v) => decode(v, tensors));
  if (value === null || typeof value !== "object") return value;
  const v = value as Record<string, unknown>;
  if ("$tensor" in v) return tensors[v.$tensor as number];
  if ("$number" in v) return Number(v.$number);
  if ("$map" in v) return new Map((v.$map as Array<[string, unknown]>).map(([k, x]) => [k, decode(x, tensors)]));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = decode(x, tensors);
  return out;
}

/** torch.load(f, map_location=None): what torch.save wrote to `f`. */
export function load(...args: unknown[]): any {
  const a = bindEntry<{ f: string; map_location: string | Device | null; weights_only: boolean }>("load", args, TORCH_FUNCTIONS_MISC.load);
  if (a.map_location !== null) availableDevice(a.map_location);
  const bytes = fs.readFileSync(a.f);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) throw new RuntimeError(`${a.f} is a PyTorch file (a zip archive): actnb's torch.load reads the files actnb's torch.save writes`);
  if (bytes.subarray(0, MAGIC.length).toString("utf8") !== MAGIC) throw new RuntimeError(`${a.f} is not a file torch.save wrote (it does not start with "${MAGIC.trim()}")`);
  const end = bytes.indexOf(0x0a, MAGIC.length);
  if (end < 0) throw new RuntimeError(`${a.f} is cut short: its header never ends`);
  const header = JSON.parse(bytes.subarray(MAGIC.length, end).toString("utf8")) as { value: unknown; tensors: TensorEntry[] };
  const start = Math.ceil((end + 1) / 8) * 8;
  const tensors = header.tensors.map((e, i) => {
    const dtype: DType = toDType(e.dtype);
    const t = Tensor.empty(e.shape, dtype);
    const from = start + e.offset;
    if (from + e.bytes > bytes.length) throw new RuntimeError(`${a.f} is cut short: tensor ${i} needs bytes up to ${from + e.bytes}, the file has ${bytes.length}`);
    const raw = new Uint8Array(e.bytes);
    raw.set(bytes.subarray(from, from + e.bytes));
    if (dtype === int64) {
      const ints = new BigInt64Array(raw.buffer);
      for (let j = 0; j < ints.length; j++) t._data[j] = Number(ints[j]);
    } else {
      t._data.set(new (dtype.arrayType as unknown as { new (b: ArrayBufferLike): ArrayLike<number> })(raw.buffer));
    }
    return e.requires_grad ? t.requires_grad_(true) : t;
  });
  return decode(header.value, tensors);
}
