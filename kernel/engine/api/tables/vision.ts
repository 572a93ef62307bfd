// torchvision: datasets.FashionMNIST(root, { train: false }), transforms.Normalize(mean, std), utils.make_grid(images).
import type { ApiTable } from "../entry";

const DATASET = {
  root: "The folder with the dataset: torchvision's layout (root/<Name>/raw) or the IDX files themselves (Debian's /usr/share/datasets/fashion-mnist).",
  train: "The training set (60,000 images) or, with `false`, the test set (10,000).",
  transform: "Applied to each image (a uint8 tensor [28, 28]): transforms.ToTensor() makes it float [1, 28, 28].",
  target_transform: "Applied to each label (a number).",
  download: "Download the files into root/<Name>/raw first, if they are not there.",
};
const datasetSignature = (name: string) => `(root: string, train: boolean = true, transform: ((image: any) => any) | null = null, target_transform: ((label: any) => any) | null = null, download: boolean = false): ${name}`;

export const CONSTRUCTORS_VISION = {
  "torchvision.datasets.MNIST": {
    summary: "The MNIST handwritten digits: 28×28 uint8 images with labels 0-9, read from their IDX files.",
    signatures: [datasetSignature("MNIST")],
    params: DATASET,
    example: "torchvision.datasets.MNIST.classes[3]  // 3 - three",
    pytorch: "torchvision.datasets.MNIST",
  },
  "torchvision.datasets.FashionMNIST": {
    summary: "Fashion-MNIST: 28×28 uint8 images of clothes in 10 classes, read from their IDX files.",
    signatures: [datasetSignature("FashionMNIST")],
    params: DATASET,
    example: "const ds = new torchvision.datasets.FashionMNIST(\"/usr/share/datasets/fashion-mnist\", { train: false });\nds.length  // 10000\nds.classes[9]  // Ankle boot",
    pytorch: "torchvision.datasets.FashionMNIST",
  },
  "torchvision.transforms.Normalize": {
    summary: "(image - mean) / std per channel, for float images [..., C, H, W].",
    signatures: ["(mean: number | readonly number[], std: number | readonly number[], inplace: boolean = false): Normalize"],
    positional: 0,
    params: {
      mean: "The mean per channel (one number: every channel's).",
      std: "The standard deviation per channel (one number: every channel's).",
      inplace: "Overwrite the input image instead of allocating a result.",
    },
    example: "const norm = new torchvision.transforms.Normalize([0.5], [0.5]);\nnorm  // Normalize(mean=(0.5,), std=(0.5,))\nnorm(torch.ones(1, 1, 2))  // tensor([[[1., 1.]]])",
    pytorch: "torchvision.transforms.Normalize",
  },
} satisfies ApiTable;

export const FUNCTIONS_VISION = {
  "torchvision.utils.make_grid": {
    summary: "Tiles images [B, C, H, W] into one image, nrow per row with `padding` pixels between them (one-channel images become three).",
    signatures: ["(tensor: Tensor | Tensor[], nrow: number = 8, padding: number = 2, normalize: boolean = false, value_range: readonly [number, number] | null = null, scale_each: boolean = false, pad_value: number = 0.0): Tensor"],
    params: {
      tensor: "The images [B, C, H, W], or a list of images [C, H, W].",
      nrow: "Images per row.",
      padding: "Pixels of pad_value around each image.",
      normalize: "Rescale the images into [0, 1] (by value_range, or their own minimum and maximum).",
      value_range: "The [min, max] that normalize maps to [0, 1]; `null`: the images' own.",
      scale_each: "With normalize, rescale each image by its own minimum and maximum.",
      pad_value: "The padding pixels' value.",
    },
    example: "torchvision.utils.make_grid(torch.zeros(4, 1, 28, 28), { nrow: 2 }).shape.join(\" × \")  // 3 × 62 × 62",
    pytorch: "torchvision.utils.make_grid",
  },
} satisfies ApiTable;
