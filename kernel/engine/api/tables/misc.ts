// The rest of torch's functions: autograd's switch, printing options, files, devices, tests of a value.
import type { ApiTable } from "../entry";
import { COMMON } from "../common";

const PRINT_PARAMS = {
  precision: "Digits after the decimal point for floating-point elements (4 by default); `null`: leave it.",
  threshold: "How many elements a tensor may have before it is summarized with `...` (1000 by default); `null`: leave it.",
  edgeitems: "How many elements are shown at each end of a summarized dimension (3 by default); `null`: leave it.",
  linewidth: "The characters per line before a row wraps (80 by default); `null`: leave it.",
  profile: "\"default\", \"short\" or \"full\": sets the four above first; `null`: leave them.",
  sci_mode: "true or false forces scientific notation on or off; `null`: PyTorch's automatic choice (always set: leaving it out means `null`).",
};

export const TORCH_FUNCTIONS_MISC = {
  set_grad_enabled: {
    summary: "Turns the recording of operations for autograd on or off (until it is set again).",
    signatures: ["(mode: boolean): void"],
    params: { mode: "Whether operations are recorded." },
    example: "torch.set_grad_enabled(false);\ntorch.ones(1, { requires_grad: true }).mul(2).requires_grad  // false\ntorch.set_grad_enabled(true);\ntorch.is_grad_enabled()  // true",
    pytorch: "torch.set_grad_enabled",
  },
  is_grad_enabled: {
    summary: "Whether operations are being recorded for autograd (false inside torch.no_grad).",
    signatures: ["(): boolean"],
    params: {},
    example: "torch.is_grad_enabled()  // true\ntorch.no_grad(() => torch.is_grad_enabled())  // false",
    pytorch: "torch.is_grad_enabled",
  },
  set_printoptions: {
    summary: "Sets how tensors print from now on; the options not given are left as they were (except sci_mode).",
    signatures: ["(precision: number | null = null, threshold: number | null = null, edgeitems: number | null = null, linewidth: number | null = null, profile: \"default\" | \"short\" | \"full\" | null = null, sci_mode: boolean | null = null): void"],
    params: PRINT_PARAMS,
    example: "torch.set_printoptions({ precision: 2 });\ntorch.tensor([1 / 3])  // tensor([0.33])\ntorch.set_printoptions({ profile: \"default\" });\ntorch.tensor([1 / 3])  // tensor([0.3333])",
    pytorch: "torch.set_printoptions",
  },
  get_printoptions: {
    summary: "The current print options (a copy): precision, threshold, edgeitems, linewidth and sci_mode.",
    signatures: ["(): PrintOptions"],
    params: {},
    example: "torch.get_printoptions().precision  // 4",
    pytorch: "torch._tensor_str.PRINT_OPTS",
  },
  save: {
    summary: "Writes tensors, Maps, arrays and plain objects of them (a state dict) to the file `f`, in actnb's own format (not PyTorch's zip).",
    signatures: ["(obj: Savable, f: string): void"],
    params: { obj: "What to save: tensors, and Maps, arrays and plain objects of them, numbers, strings, booleans and null.", f: "The file's path." },
    example: "const file = require(\"path\").join(require(\"os\").tmpdir(), \"x.pt\");\ntorch.save({ w: torch.tensor([1, 2]) }, file);\ntorch.load(file).w  // tensor([1., 2.])",
    pytorch: "torch.save",
  },
  load: {
    summary: "What torch.save wrote to the file `f`, its tensors on the CPU.",
    signatures: ["(f: string, map_location: Device | string | null = null, *, weights_only: boolean = false): any"],
    params: {
      f: "The file's path.",
      map_location: "The device to load the tensors onto: only the CPU exists here.",
      weights_only: "Accepted for PyTorch's code: actnb's files hold only data, never code, so loading is always weights-only.",
    },
    example: "const file = require(\"path\").join(require(\"os\").tmpdir(), \"y.pt\");\ntorch.save([torch.ones(1), 2], file);\ntorch.load(file)[1]  // 2",
    pytorch: "torch.load",
  },
  device: {
    summary: "A device by its type and index: \"cpu\" works; \"cuda\" and the others name devices that are not here (using one is PyTorch's error for a build without it).",
    signatures: ["(type: string | Device, index: number | null = null): Device"],
    params: { type: "The device's type (\"cpu\", \"cuda\", ...), optionally with its index (\"cuda:1\").", index: "The device's index; `null`: none." },
    example: "String(torch.device(\"cpu\"))  // cpu\ntorch.device(\"cuda\", 1).index  // 1",
    pytorch: "torch.device",
  },
  is_tensor: {
    summary: "Whether `obj` is a tensor.",
    signatures: ["(obj: unknown): obj is Tensor"],
    params: { obj: "Any value." },
    example: "torch.is_tensor(torch.ones(1))  // true\ntorch.is_tensor([1])  // false",
    pytorch: "torch.is_tensor",
  },
  numel: {
    summary: "The number of elements of the input.",
    signatures: ["(input: Tensor): number"],
    method: true,
    params: COMMON,
    example: "torch.numel(torch.zeros(2, 3))  // 6\ntorch.zeros(4).numel()  // 4",
    pytorch: "torch.numel",
  },
} satisfies ApiTable;
