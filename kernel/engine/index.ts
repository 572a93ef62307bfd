// The engine's public face: import { torch, nn, F } from "actnb".
export { torch, nn, F, optim } from "./torch";
export { Tensor } from "./tensor";
// installs x.relu(), x.softmax(dim), ... from the activations' definitions
import "./activations/generated/tensor_methods";
// the Tensor methods' overloads and documentation, from their API entries (api/tables/)
import "./api/generated/tensor";
// Python's argument rules for the methods written with plain parameters (x.mul({ other: y }))
import "./tensor_arguments";
export { ACTIVATIONS, getActivation } from "./activations/registry";
export type { ActivationDefinition, ParamSpec, Params } from "./activations/definition";
export { memoryStats } from "./storage/allocator";
export * as diagnostics from "./diagnostics";
