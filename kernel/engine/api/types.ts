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
// nn's modules, optim, torch.utils.data and torchvision: the classes their constructors make and take
export type { Identity } from "../nn/linear";
export type { Sequential, ModuleList, ModuleDict } from "../nn/containers";
export type { Dropout, Dropout2d, Flatten, LayerNorm, BatchNorm1d, BatchNorm2d } from "../nn/layers";
export type { Conv2d, MaxPool2d, AvgPool2d, AdaptiveAvgPool2d } from "../nn/conv";
export type { MSELoss, L1Loss, BCELoss, BCEWithLogitsLoss, NLLLoss, CrossEntropyLoss } from "../nn/loss";
export type { SGD, Adam, ParamGroup } from "../optim";
export type { Dataset, DatasetLike, TensorDataset, Subset, Sampler, RandomSampler, DataLoader } from "../data";
export type { MNIST, FashionMNIST } from "../../vision/datasets";
export type { Normalize } from "../../vision/transforms";
export type { TypedArray } from "../dtype";
export type { PrintOptions } from "../printing/types";
import type { Tensor as SavedTensor } from "../tensor";
/** What torch.save writes: tensors, and Maps, arrays and plain objects of them, numbers, strings, booleans, null. */
export type Savable = SavedTensor | number | string | boolean | null | readonly Savable[] | ReadonlyMap<string, Savable> | { readonly [key: string]: Savable };
