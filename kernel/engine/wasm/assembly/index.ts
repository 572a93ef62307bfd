// The kernels module's entry point (see ../README.md). It imports the engine's memory and works
// only at the addresses it is given: no allocation, no static data the engine relies on.
export * from "./activations";
export * from "./arith";
export * from "./reduce";
export * from "./gemm";
export * from "./conv";
export * from "./mathtest";
