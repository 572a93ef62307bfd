// The types the API's signature texts may name (api/signature.ts). The generated typings import
// exactly these, so a signature naming anything else fails the build.
export type { Tensor, Scalar, TensorOrScalar, NestedArray } from "../tensor";
export type { DType } from "../dtype";
export type { ValuesIndices } from "../ops/reduce";
export type { Index } from "../ops/shape";
export type { Device } from "../device";
export type { Generator } from "../random/generator";
export type { Module } from "../nn/module";
export type { Parameter } from "../nn/parameter";
export type { Linear } from "../nn/linear";
/** A dimension, or several (sum, mean, amax: Python's int or tuple of ints). */
export type Dims = number | readonly number[];
