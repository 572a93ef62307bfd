// torch.optim
export { Optimizer } from "./optimizer";
export type { ParamGroup } from "./optimizer";
export { SGD } from "./sgd";
export { Adam } from "./adam";
