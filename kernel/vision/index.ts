// torchvision, as much of it as the guide's experiments need: datasets (MNIST, FashionMNIST),
// transforms and utils, exported from "actnb" as `torchvision`.
import * as datasets from "./datasets";
import * as transforms from "./transforms";
import { make_grid } from "./utils";

export const torchvision = { datasets, transforms, utils: { make_grid } };
