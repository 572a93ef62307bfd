// torch.nn
export { Module } from "./module";
export type { RemovableHandle } from "./module";
export { Parameter } from "./parameter";
export { Linear, Identity } from "./linear";
export { Sequential, ModuleList, ModuleDict } from "./containers";
export { Dropout, Dropout2d, Flatten, LayerNorm, BatchNorm1d, BatchNorm2d } from "./layers";
export { Conv2d, MaxPool2d, AvgPool2d, AdaptiveAvgPool2d } from "./conv";
export { MSELoss, L1Loss, BCELoss, BCEWithLogitsLoss, NLLLoss, CrossEntropyLoss } from "./loss";
export { ActivationModule } from "./activation";
export * from "./modules";
export * as init from "./init";
export * as functional from "./functional";
