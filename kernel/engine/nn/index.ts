// torch.nn
export { Module } from "./module";
export type { RemovableHandle } from "./module";
export { Parameter } from "./parameter";
export { Linear, Identity } from "./linear";
export { Sequential, ModuleList, ModuleDict } from "./containers";
export { Dropout, Dropout2d, Flatten, LayerNorm, BatchNorm1d, BatchNorm2d } from "./layers";
export { Conv2d, MaxPool2d, AvgPool2d, AdaptiveAvgPool2d } from "./conv";
export { MSELoss, L1Loss, BCELoss, BCEWithLogitsLoss, NLLLoss, CrossEntropyLoss } from "./loss";
// (ActivationModule, the activations' base class, is not PyTorch's: nn.ReLU and the rest are its public face)
export * from "./modules";
import * as initFunctions from "./init";
import * as functionalFunctions from "./functional";
import type { InitApi } from "../api/generated/init";
import type { FunctionalApi } from "../api/generated/functional";

/** torch.nn.init, its functions typed by their API entries (api/tables/). */
export const init: Omit<typeof initFunctions, keyof InitApi> & InitApi = initFunctions;
/** torch.nn.functional (F), its functions typed by their API entries (api/tables/) and the activations' definitions. */
export const functional: Omit<typeof functionalFunctions, keyof FunctionalApi> & FunctionalApi = functionalFunctions;
