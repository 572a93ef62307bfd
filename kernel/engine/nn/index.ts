// torch.nn
export { Module } from "./module";
export type { RemovableHandle } from "./module";
export { Parameter } from "./parameter";
export { Linear, Identity } from "./linear";
export { Sequential, ModuleList, ModuleDict } from "./containers";
export { Dropout, Flatten, LayerNorm, BatchNorm1d } from "./layers";
export { MSELoss, L1Loss, BCELoss, BCEWithLogitsLoss, NLLLoss, CrossEntropyLoss } from "./loss";
export { ActivationModule } from "./activation";
export * from "./modules";
export * as init from "./init";
export * as functional from "./functional";
