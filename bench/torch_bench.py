"""PyTorch side of `npm run bench`: times the same work as bench/engine.ts on one thread.

Usage: python3 torch_bench.py '<json plan>'; the plan is a list of
{"key", "kind", "size", "warmup", "reps"} and the script prints one JSON object
{"torch": version, "threads": n, "results": {key: median ms}} on stdout.
"""
import json
import os
import statistics
import sys
import time

# torch.set_num_threads(1) governs ATen's own thread pool, but matrix products go to OpenBLAS,
# which starts a thread per core unless told otherwise: without these, "one thread" matmul and
# nn.Linear use every core. Set before torch (and OpenBLAS) load.
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402

torch.set_num_threads(1)
torch.manual_seed(0)

ACTS = {
    "relu": F.relu,
    "leaky_relu": lambda x: F.leaky_relu(x, 0.01),
    "relu6": F.relu6,
    "elu": F.elu,
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "silu": F.silu,
    "gelu": F.gelu,
    "gelu_tanh": lambda x: F.gelu(x, approximate="tanh"),
    "softplus": F.softplus,
    "mish": F.mish,
    "hardswish": F.hardswish,
}


def timed(fn, warmup, reps):
    times = []
    for r in range(warmup + reps):
        t0 = time.perf_counter()
        fn()
        t1 = time.perf_counter()
        if r >= warmup:
            times.append((t1 - t0) * 1000)
    return statistics.median(times)


def forward(act, n):
    x = torch.randn(n)
    f = ACTS[act]
    return lambda: f(x)


def forward_backward(act, n):
    x = torch.randn(n, requires_grad=True)
    f = ACTS[act]

    def step():
        x.grad = None
        f(x).sum().backward()

    return step


def matmul(n):
    a, b = torch.randn(n, n), torch.randn(n, n)
    return lambda: a.matmul(b)


def mlp_step(batch):
    model = nn.Sequential(nn.Linear(64, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 1))
    loss_fn = nn.MSELoss()
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    x, y = torch.randn(batch, 64), torch.randn(batch, 1)

    def step():
        opt.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()

    return step


def main():
    plan = json.loads(sys.argv[1])
    results = {}
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for item in plan:
        kind, size = item["kind"], item["size"]
        if kind.startswith("fwdbwd:"):
            fn = forward_backward(kind.split(":")[1], size)
        elif kind.startswith("fwd:"):
            fn = forward(kind.split(":")[1], size)
        elif kind == "matmul":
            fn = matmul(size)
        elif kind == "mlp":
            fn = mlp_step(size)
        else:
            raise ValueError(f"unknown work {kind}")
        # PyTorch is cheap to repeat: more warm-up (allocator, caches) and repetitions than the JS sides.
        results[item["key"]] = timed(fn, item["warmup"] + 3, item["reps"] * 3)
    # CPU time over wall time of the whole run: about 1.0 when PyTorch really used one core.
    cores = (time.process_time() - cpu0) / (time.perf_counter() - wall0)
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "cores_used": cores, "results": results}))


if __name__ == "__main__":
    main()
