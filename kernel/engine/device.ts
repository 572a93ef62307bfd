// torch.device and torch.cuda. actnb computes on the CPU only; tutorials written for a GPU say
// `.to(device)` with `device = torch.device("cuda" if torch.cuda.is_available() else "cpu")`,
// which here picks the CPU and changes nothing. Asking for a device that is not there is
// PyTorch's error for a build without it.
import { AssertionError, RuntimeError } from "./errors";

const TYPES = ["cpu", "cuda", "ipu", "xpu", "mkldnn", "opengl", "opencl", "ideep", "hip", "ve", "fpga", "ort", "xla", "lazy", "vulkan", "mps", "meta", "hpu", "privateuseone"];

/**
 * A device, as torch.device: "cpu" (the only one that computes here; "cuda" and the other
 * PyTorch device names are understood, so tutorials' `.to(device)` code runs).
 * PyTorch: `torch.device`
 */
export class Device {
  readonly type: string;
  readonly index: number | null;
  constructor(type: string | Device, index: number | null = null) {
    if (type instanceof Device) { this.type = type.type; this.index = type.index; return; }
    const parsed = parseDevice(type);
    if (!parsed) throw new RuntimeError(`Expected one of ${TYPES.join(", ")} device type at start of device string: ${String(type)}`);
    this.type = parsed.type;
    this.index = parsed.index ?? index;
  }
  toString(): string { return this.index === null ? this.type : `${this.type}:${this.index}`; }
  /** As Python prints it: device(type='cpu'). */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `device(type='${this.type}'${this.index === null ? "" : `, index=${this.index}`})`;
  }
}

export const cpu = new Device("cpu");

/** A device from a Device or its name; only the CPU is available. */
export function availableDevice(d: Device | string): Device {
  const device = d instanceof Device ? d : new Device(d);
  if (device.type === "cuda") throw new AssertionError("Torch not compiled with CUDA enabled");
  if (device.type !== "cpu") throw new RuntimeError(`PyTorch is not linked with support for ${device.type} devices`);
  return device;
}

/** "cuda:1" → { type: "cuda", index: 1 }; null for anything that names no device type. */
function parseDevice(s: unknown): { type: string; index: number | null } | null {
  const m = typeof s === "string" ? /^([a-z]+)(?::(\d+))?$/.exec(s) : null;
  return m && TYPES.includes(m[1]) ? { type: m[1], index: m[2] !== undefined ? Number(m[2]) : null } : null;
}

/** Whether a string names a device (rather than a dtype). */
export function isDeviceName(s: unknown): s is string {
  return parseDevice(s) !== null;
}

export function device(type: string | Device, index?: number): Device {
  return new Device(type, index ?? null);
}

export const cuda = {
  is_available: (): boolean => false,
  device_count: (): number => 0,
};
