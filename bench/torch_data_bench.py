"""PyTorch side of bench/data.ts: loading Fashion-MNIST with torchvision, one epoch of the
784→512→256→256→128→10 MLP, steps and an epoch of a small CNN, on one thread. Prints one JSON object.

torchvision reads root/FashionMNIST/raw/<file> unpacked, so Debian's .gz files are unpacked into
a temporary folder first (not timed); actnb reads the .gz files themselves.
"""
import json
import os
import sys
import time

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402
from torchvision import datasets, transforms  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "golden"))
from golden_common import fashion_mnist_root  # noqa: E402

torch.set_num_threads(1)
def main():
    with fashion_mnist_root() as root:
        print(json.dumps(measure(root, int(sys.argv[1]))))


def measure(root, cnn_steps):
    tf = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.5,), (0.5,))])
    loads = []
    for _ in range(3):
        t0 = time.perf_counter()
        train = datasets.FashionMNIST(root, train=True, transform=tf)
        datasets.FashionMNIST(root, train=False, transform=tf)
        loads.append((time.perf_counter() - t0) * 1000)
    torch.manual_seed(42)
    model = nn.Sequential(nn.Flatten(), nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 256), nn.ReLU(),
                          nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 10))
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    loader = torch.utils.data.DataLoader(train, batch_size=256, shuffle=True)
    t0 = time.perf_counter()
    for x, y in loader:
        opt.zero_grad()
        F.cross_entropy(model(x), y).backward()
        opt.step()
    mlp_epoch = (time.perf_counter() - t0) * 1000
    torch.manual_seed(0)
    cnn = nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(),
                        nn.MaxPool2d(2), nn.Flatten(), nn.Linear(32 * 7 * 7, 128), nn.ReLU(), nn.Linear(128, 10))
    opt = torch.optim.SGD(cnn.parameters(), lr=0.01, momentum=0.9)
    batches = iter(torch.utils.data.DataLoader(train, batch_size=256, shuffle=True))
    steps = []
    for _ in range(cnn_steps + 2):
        x, y = next(batches)
        t0 = time.perf_counter()
        opt.zero_grad()
        F.cross_entropy(cnn(x), y).backward()
        opt.step()
        steps.append((time.perf_counter() - t0) * 1000)
    steps = sorted(steps[2:])
    t0 = time.perf_counter()
    for x, y in torch.utils.data.DataLoader(train, batch_size=256, shuffle=True):
        opt.zero_grad()
        F.cross_entropy(cnn(x), y).backward()
        opt.step()
    cnn_epoch = (time.perf_counter() - t0) * 1000
    return {"torch": torch.__version__, "load_ms": min(loads), "mlp_epoch_ms": mlp_epoch, "cnn_step_ms": steps[len(steps) // 2],
            "cnn_epoch_ms": cnn_epoch}


if __name__ == "__main__":
    main()
