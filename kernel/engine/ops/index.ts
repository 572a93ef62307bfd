// Every tensor operation, for the Tensor class and the torch namespace.
export * from "./strided";
export * from "./arithmetic";
export * from "./reduce";
export * from "./shape";
export * from "./math";
export * from "./inplace";
export * from "./linalg";
export * from "./creation";
