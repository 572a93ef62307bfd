"""torchvision 0.14 on Debian's Fashion-MNIST (apt-get install dataset-fashion-mnist): what
datasets.FashionMNIST holds and what ToTensor and Normalize make of an image. Writes
fixtures/vision.json; test/golden/vision.test.ts compares actnb's datasets and transforms.

torchvision reads root/FashionMNIST/raw/<file> (unpacked); Debian ships the .gz files in
/usr/share/datasets/fashion-mnist, so they are unpacked into a temporary root first.
"""
import torch
import torchvision
from torchvision import datasets, transforms

from golden_common import dumps, fashion_mnist_root, fixture_path, setup_torch, write_fixture


def main():
    setup_torch()
    with fashion_mnist_root() as root:
        write_fixture(fixture_path("vision.json"), dumps(describe(root)))


def describe(root):
    doc = {"torchvision": torchvision.__version__, "splits": {}}
    tf = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.5,), (0.5,))])
    for train in (True, False):
        ds = datasets.FashionMNIST(root, train=train, transform=tf)
        img, label = ds[7]
        doc["splits"]["train" if train else "test"] = {
            "len": len(ds),
            "data_shape": list(ds.data.shape), "data_dtype": str(ds.data.dtype), "targets_dtype": str(ds.targets.dtype),
            "first_labels": ds.targets[:20].tolist(),
            "class_counts": torch.bincount(ds.targets, minlength=10).tolist(),
            "pixel_sums": [int(ds.data[i].long().sum()) for i in (0, 1, len(ds) - 1)],
            "item7": {"shape": list(img.shape), "dtype": str(img.dtype), "label": label,
                      "sum": float(img.double().sum()), "row14": img[0, 14].tolist()},
            "repr": repr(ds).replace(root, "ROOT"),
        }
    doc["classes"] = datasets.FashionMNIST.classes
    test_data = datasets.FashionMNIST(root, train=False).data
    grid = torchvision.utils.make_grid(test_data[:10].unsqueeze(1), nrow=4, padding=3, pad_value=7)
    doc["make_grid_uint8"] = {"shape": list(grid.shape), "dtype": str(grid.dtype), "sum": int(grid.long().sum()), "row30": grid[0, 30].tolist()}
    floats = torch.stack([transforms.ToTensor()(img.numpy()) for img in test_data[:5]]).mul(4).sub(1)
    grid = torchvision.utils.make_grid(floats, nrow=2, normalize=True, scale_each=True)
    doc["make_grid_normalized"] = {"shape": list(grid.shape), "sum": float(grid.double().sum()), "row20": grid[1, 20].tolist()}
    doc["to_tensor_row"] = transforms.ToTensor()(datasets.FashionMNIST(root, train=True).data[0].numpy())[0, 10].tolist()
    return doc


if __name__ == "__main__":
    main()
