#!/usr/bin/python3
"""Golden fixture for last-bit fidelity: writes test/golden/fixtures/precision.json.

Oracle: Debian's python3-torch 1.13 (CPU, float32, single thread).  Run from anywhere:

    /usr/bin/python3 test/golden/gen_precision.py      (or: npm run golden)

Records PyTorch's float32 results as exact bit patterns (8 hex digits each), so that
test/unit/wasm-math.test.ts can check the engine's last bits without torch:

guide: the points notebook 01 prints, exactly as it computes them: for tanh and sigmoid,
    x = tensor([0., 1., 2., 5., 10.]) (a 5-element tensor: PyTorch's short-loop path) and the
    plot's x = linspace(-5, 5, 401); f(x), and x.grad after f(x).sum().backward(), with the
    printed str() of the 5-point gradient.
grid: every transcendental activation on x = linspace(-12, 12, 961) (a step of 1/40), forward and
    gradient (upstream gradient 1): the engine must stay within the ulp distances pinned in the
    test (measured; see test/golden/ulp_survey.py for the full survey against float64).
"""
import numpy as np

from golden_common import dumps, fixture_path, setup_torch, torch, write_fixture

F = torch.nn.functional

GRID_FUNCTIONS = {
    "tanh": (torch.tanh, "F.tanh(x)"),
    "sigmoid": (torch.sigmoid, "F.sigmoid(x)"),
    "silu": (F.silu, "F.silu(x)"),
    "gelu": (F.gelu, "F.gelu(x)"),
    "gelu_tanh": (lambda t: F.gelu(t, approximate="tanh"), "F.gelu(x, approximate='tanh')"),
    "softplus": (F.softplus, "F.softplus(x)"),
    "softplus_b2": (lambda t: F.softplus(t, beta=2, threshold=20), "F.softplus(x, beta=2, threshold=20)"),
    "mish": (F.mish, "F.mish(x)"),
    "elu": (F.elu, "F.elu(x)"),
    "selu": (F.selu, "F.selu(x)"),
    "celu_a2": (lambda t: F.celu(t, alpha=2), "F.celu(x, alpha=2)"),
    "logsigmoid": (F.logsigmoid, "F.logsigmoid(x)"),
    "softsign": (F.softsign, "F.softsign(x)"),
}


def bits(t):
    return [f"{int(v):08x}" for v in t.detach().contiguous().numpy().astype(np.float32).view(np.uint32)]


def run(fn, x):
    x = x.clone().requires_grad_()
    y = fn(x)
    y.sum().backward()
    return y, x.grad


def main():
    setup_torch()
    guide = []
    for name, fn in (("tanh", torch.tanh), ("sigmoid", torch.sigmoid)):
        for label, x in (("points", torch.tensor([0.0, 1.0, 2.0, 5.0, 10.0])),
                         ("plot", torch.linspace(-5, 5, 401))):
            y, g = run(fn, x)
            entry = {"fn": name, "x": label, "input": bits(x), "output": bits(y), "grad": bits(g)}
            if label == "points":
                entry["grad_str"] = str(g)
                entry["output_str"] = str(y.detach())
            guide.append(entry)
    x = torch.linspace(-12, 12, 961)
    grid = []
    for name, (fn, call) in GRID_FUNCTIONS.items():
        y, g = run(fn, x)
        grid.append({"fn": name, "call": call, "output": bits(y), "grad": bits(g)})
    # a tensor divided by a number: a true division in float32 (ToTensor's x / 255 among them)
    torch.manual_seed(0)
    d_in = torch.cat([torch.arange(256.0), torch.randn(256) * 100])
    div_scalar = {"input": bits(d_in), "divisors": [255.0, 3.0, 0.3, 10.0, 1e-3],
                  "outputs": [bits(d_in.div(d)) for d in (255.0, 3.0, 0.3, 10.0, 1e-3)]}
    doc = {
        "torch_version": torch.__version__,
        "guide": guide,
        "grid_input": bits(x),
        "grid": grid,
        "div_scalar": div_scalar,
    }
    write_fixture(fixture_path("precision.json"), dumps(doc))


if __name__ == "__main__":
    main()
