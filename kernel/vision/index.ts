// torchvision, as much of it as the guide's experiments need: datasets (MNIST, FashionMNIST),
// transforms and utils, exported from "actnb" as `torchvision`.
import * as datasets from "./datasets";
import * as transforms from "./transforms";

export const torchvision = { datasets, transforms };
