"""The seeded end-to-end program of issue 15 in PyTorch 1.13 / torchvision 0.14: the UvA tutorial's
MLP (784-512-256-256-128-10) on Fashion-MNIST, trained for 2 epochs with each of the six
activations. Writes fixtures/mlp.json; test/golden/mlp.test.ts runs the same program in actnb and
compares the first epoch's batch order, the losses of the first 20 steps (1e-4 relative) and the
test accuracy after training (1 percentage point).

Per activation, in this order (the order of the random draws matters, actnb replays it):
  torch.manual_seed(42)
  model = Sequential(Linear(784, 512), act, Linear(512, 256), act, Linear(256, 256), act,
                     Linear(256, 128), act, Linear(128, 10))   # Linear inits draw from the stream
  train/test = FashionMNIST(root, train=True/False, transform=Compose([ToTensor(), Normalize((0.5,), (0.5,))]))
  loader = DataLoader(train, batch_size=256, shuffle=True)     # each epoch draws the workers' base
                                                               # seed, then the sampler's seed
  SGD(lr=0.01, momentum=0.9), CrossEntropyLoss; 2 epochs of zero_grad, forward, backward, step
  test accuracy: DataLoader(test, batch_size=1024), argmax of the logits, in percent.
The model flattens its input with x.view(x.size(0), -1), as the tutorial's BaseNetwork does; the
tutorial's module holds the very same Sequential (its activation is one module shared by the four
places, which does not change a thing for parameter-free activations).

The whole training set is used (no Subset): in actnb an epoch takes about 12 s on a 2-core machine
(3 s of it in the per-item ToTensor+Normalize and collation), a run about 26 s, so the test
replays the 6 x 2 epochs in about two and a half minutes (2 min 38 s measured).
This generator takes about a minute and a half.

torchvision reads root/FashionMNIST/raw/<file> (unpacked); Debian ships the .gz files in
/usr/share/datasets/fashion-mnist, so they are unpacked into a temporary root first.
"""
import torch
from torch import nn
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

from golden_common import dumps, fashion_mnist_root, fixture_path, setup_torch, write_fixture

SEED = 42
EPOCHS = 2
BATCH_SIZE = 256
TEST_BATCH_SIZE = 1024
LR = 0.01
MOMENTUM = 0.9
SIZES = [784, 512, 256, 256, 128]
STEPS = 20         # losses recorded step by step
LABEL_BATCHES = 3  # first batches of epoch 1 whose labels are recorded
LABELS = 8         # labels recorded per batch

ACTIVATIONS = {
    "sigmoid": lambda: nn.Sigmoid(),
    "tanh": lambda: nn.Tanh(),
    "relu": lambda: nn.ReLU(),
    "leaky_relu": lambda: nn.LeakyReLU(0.01),
    "elu": lambda: nn.ELU(),
    "silu": lambda: nn.SiLU(),
}


def build_model(make_act):
    layers = []
    for n_in, n_out in zip(SIZES[:-1], SIZES[1:]):
        layers += [nn.Linear(n_in, n_out), make_act()]
    layers += [nn.Linear(SIZES[-1], 10)]
    return nn.Sequential(*layers)


def run(name, make_act, train, test):
    torch.manual_seed(SEED)
    model = build_model(make_act)
    init_sum = float(sum(p.detach().double().sum() for p in model.parameters()))
    loader = DataLoader(train, batch_size=BATCH_SIZE, shuffle=True)
    optimizer = torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM)
    loss_fn = nn.CrossEntropyLoss()
    labels, losses, epoch_losses = [], [], []
    model.train()
    for epoch in range(EPOCHS):
        total, count = 0.0, 0
        for step, (x, y) in enumerate(loader):
            if epoch == 0 and step < LABEL_BATCHES:
                labels.append(y[:LABELS].tolist())
            out = model(x.view(x.size(0), -1))
            loss = loss_fn(out, y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            value = loss.item()
            if epoch == 0 and step < STEPS:
                losses.append(value)
            total += value
            count += 1
        epoch_losses.append(total / count)
    model.eval()
    correct = 0
    with torch.no_grad():
        for x, y in DataLoader(test, batch_size=TEST_BATCH_SIZE):
            correct += int((model(x.view(x.size(0), -1)).argmax(dim=-1) == y).sum())
    accuracy = 100.0 * correct / len(test)
    print(f"{name}: losses {losses[0]:.4f}..{losses[-1]:.4f}, epochs {epoch_losses}, accuracy {accuracy:.2f}%")
    return {"activation": name, "init_param_sum": init_sum, "first_labels": labels, "losses": losses,
            "epoch_losses": epoch_losses, "test_correct": correct, "test_accuracy": accuracy}


def main():
    setup_torch()
    with fashion_mnist_root() as root:
        tf = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.5,), (0.5,))])
        train = datasets.FashionMNIST(root, train=True, transform=tf)
        test = datasets.FashionMNIST(root, train=False, transform=tf)
        doc = {
            "torch": torch.__version__,
            "program": {"seed": SEED, "epochs": EPOCHS, "batch_size": BATCH_SIZE, "test_batch_size": TEST_BATCH_SIZE,
                        "lr": LR, "momentum": MOMENTUM, "sizes": SIZES + [10], "leaky_relu_slope": 0.01,
                        "normalize": [0.5, 0.5], "train_len": len(train), "test_len": len(test)},
            "runs": [run(name, make_act, train, test) for name, make_act in ACTIVATIONS.items()],
        }
    write_fixture(fixture_path("mlp.json"), dumps(doc))


if __name__ == "__main__":
    main()
