// The types the API's signature texts may name (api/signature.ts). The generated typings import
// exactly these, so a signature naming anything else fails the build.
export type { Tensor, Scalar, TensorOrScalar, NestedArray } from "../tensor";
export type { DType } from "../dtype";
export type { Device } from "../device";
export type { Generator } from "../random/generator";
export type { Module } from "../nn/module";
export type { Parameter } from "../nn/parameter";
export type { Linear } from "../nn/linear";
/** A dimension, or several (sum, mean, amax: Python's int or tuple of ints). */
export type Dims = number | readonly number[];
export type { TypedArray } from "../dtype";
export type { PrintOptions } from "../printing/types";
import type { Tensor as SavedTensor } from "../tensor";
/** What torch.save writes: tensors, and Maps, arrays and plain objects of them, numbers, strings, booleans, null. */
export type Savable = SavedTensor | number | string | boolean | null | readonly Savable[] | ReadonlyMap<string, Savable> | { readonly [key: string]: Savable };
