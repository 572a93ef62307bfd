// Tensor printing, faithful to PyTorch 1.13's torch/_tensor_str.py.
export type { PrintDtype, PrintableTensor, PrintOptions } from "./types";
export type { SetPrintOptionsArgs } from "./options";
export { set_printoptions, get_printoptions } from "./options";
export { formatTensor } from "./format";
export { formatFixed, formatExp } from "./pyformat";
