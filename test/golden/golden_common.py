"""Helpers shared by the golden fixture generators (test/golden/gen_*.py).

Not a generator itself (npm run golden runs test/golden/gen_*.py only); each generator does
`from golden_common import ...`, which works from any working directory because Python puts
the running script's folder (test/golden/) first on sys.path.

Importing this module imports torch. If the interpreter has no torch (e.g. a pyenv python on
PATH), it re-executes the generator that is running (the __main__ script, with its arguments)
under Debian's /usr/bin/python3, which has python3-torch 1.13.
"""
import json
import math
import os
import sys
import zlib

try:
    import torch
except ImportError:  # pragma: no cover - only when the running python lacks torch
    _main = getattr(sys.modules.get("__main__"), "__file__", None)
    if _main and sys.executable != "/usr/bin/python3" and os.path.exists("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3", os.path.abspath(_main)] + sys.argv[1:])
    raise

INF = float("inf")
NAN = float("nan")

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")


def fixture_path(filename):
    """test/golden/fixtures/<filename>, wherever the generator is run from."""
    return os.path.join(FIXTURES, filename)


def write_fixture(path, text):
    """Writes text to path, creating the fixtures folder if needed."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as fh:
        fh.write(text)


def setup_torch():
    """The oracle's settings: CPU, one thread, float32 default dtype."""
    torch.set_num_threads(1)
    torch.set_default_dtype(torch.float32)


# ----------------------------------------------------------------------------- JSON
def enc(v):
    """Recursively replace non-finite floats by the strings used in fixtures.ts
    ("nan", "inf", "-inf"); -0.0 stays a number (JSON.parse keeps the sign)."""
    if isinstance(v, float):
        if math.isnan(v):
            return "nan"
        if math.isinf(v):
            return "inf" if v > 0 else "-inf"
        return v
    if isinstance(v, (list, tuple)):
        return [enc(x) for x in v]
    if isinstance(v, dict):
        return {k: enc(x) for k, x in v.items()}
    return v


def dumps(doc):
    """JSON with one line per top-level key / per list element (readable diffs, small files)."""
    lines = ["{"]
    items = list(doc.items())
    for i, (k, v) in enumerate(items):
        comma = "," if i < len(items) - 1 else ""
        if isinstance(v, list) and v and all(isinstance(e, dict) for e in v):
            lines.append(f" {json.dumps(k)}: [")
            for j, e in enumerate(v):
                lines.append("  " + json.dumps(e, allow_nan=False) + ("," if j < len(v) - 1 else ""))
            lines.append(" ]" + comma)
        else:
            lines.append(f" {json.dumps(k)}: {json.dumps(v, allow_nan=False)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------- tensors
def flat(t):
    """The tensor's values, flattened row-major, as Python numbers."""
    return t.detach().reshape(-1).tolist()


def tensor_desc(t, with_grad_flag=False):
    """{shape, dtype, data (nested, as tolist())} and, with with_grad_flag, requires_grad."""
    d = {"shape": list(t.shape), "dtype": str(t.dtype), "data": t.detach().tolist()}
    if with_grad_flag:
        d["requires_grad"] = t.requires_grad
    return d


# ----------------------------------------------------------------------------- seeding
def gen(seed):
    """A fresh torch.Generator seeded with seed."""
    g = torch.Generator()
    g.manual_seed(seed)
    return g


def crc(s):
    """A seed derived from a name: cases do not depend on each other's order."""
    return zlib.crc32(s.encode("utf-8")) & 0x7FFFFFFF


def randn(name, *shape, scale=1.0):
    """Standard normals * scale from a generator seeded with crc(name)."""
    return torch.randn(shape, generator=gen(crc(name))) * scale


def rand(name, *shape):
    """Uniforms in [0, 1) from a generator seeded with crc(name)."""
    return torch.rand(shape, generator=gen(crc(name)))


# ----------------------------------------------------------------------------- Fashion-MNIST
DEBIAN_FASHION_MNIST = "/usr/share/datasets/fashion-mnist"


class fashion_mnist_root:
    """`with fashion_mnist_root() as root:` a temporary torchvision root holding Debian's
    Fashion-MNIST (apt-get install dataset-fashion-mnist) unpacked in root/FashionMNIST/raw, where
    torchvision reads it (it does not read the .gz files Debian ships); removed afterwards."""

    def __enter__(self):
        import gzip
        import shutil
        import tempfile
        self.root = tempfile.mkdtemp()
        raw = os.path.join(self.root, "FashionMNIST", "raw")
        os.makedirs(raw)
        for name in os.listdir(DEBIAN_FASHION_MNIST):
            with gzip.open(os.path.join(DEBIAN_FASHION_MNIST, name)) as src, open(os.path.join(raw, name[:-3]), "wb") as dst:
                shutil.copyfileobj(src, dst)
        return self.root

    def __exit__(self, *exc):
        import shutil
        shutil.rmtree(self.root, ignore_errors=True)
        return False
