// actnb: the engine (torch, nn, F) and, for notebooks, plots and display helpers.
export * from "./engine";
export * from "./display";
export * as plot from "./plots";
export { torchvision } from "./vision";
