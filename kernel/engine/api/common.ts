// What the parameters many callables share mean, written once.
export const COMMON = {
  input: "The input tensor.",
  keepdim: "Keep each reduced dimension as size 1.",
  dtype: "The result's dtype; the input is cast to it first.",
  out: "A tensor to write the result into (PyTorch's out=), resized if its shape differs.",
  inplace: "Overwrite the input instead of allocating a result.",
  device: "Accepted for PyTorch's code: only the CPU exists here.",
} as const;
