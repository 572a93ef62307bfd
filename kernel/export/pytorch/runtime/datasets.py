# datasets.py: lets torchvision's MNIST-family datasets read a flat folder of IDX files (Debian's
# /usr/share/datasets/fashion-mnist), which actnb reads directly but torchvision does not: it looks
# only in root/<ClassName>/raw, for uncompressed files.
import gzip
import hashlib
import os
import shutil
from typing import List

_IDX_FILES = ("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")
# the torchvision classes that read these four files from root/<name>/raw
_MNIST_FAMILY = ("MNIST", "FashionMNIST", "KMNIST")


def _cache_home() -> str:
    return os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")


def _flat_files(root: str) -> List[str]:
    """The IDX files lying directly in root (each gzipped or not)."""
    found = []
    for base in _IDX_FILES:
        for name in (base + ".gz", base):
            if os.path.isfile(os.path.join(root, name)):
                found.append(name)
                break
    return found


def _fresh(copy: str, source: str) -> bool:
    return os.path.isfile(copy) and os.path.getmtime(copy) >= os.path.getmtime(source)


def _uncompress(source: str, target: str) -> None:
    # written beside the target and renamed into place, so a reader never sees half a file
    partial = f"{target}.{os.getpid()}.part"
    opener = gzip.open if source.endswith(".gz") else open
    with opener(source, "rb") as src, open(partial, "wb") as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
    os.replace(partial, target)


def torchvision_root(root: str) -> str:
    """A root that torchvision's MNIST, FashionMNIST and KMNIST accept for ``root``.

    When ``root`` holds the IDX files directly (Debian's layout, ``train-images-idx3-ubyte.gz`` and
    the rest), they are uncompressed once into a cache folder ($XDG_CACHE_HOME or ~/.cache, then
    actnb/torchvision/) laid out as torchvision expects (``<ClassName>/raw/<file>``), and that
    folder is returned; any other root is returned unchanged.
    """
    if not isinstance(root, (str, os.PathLike)):
        raise TypeError(f"torchvision_root: root must be a folder's path, got {type(root).__name__}")
    root = os.fspath(root)
    files = _flat_files(root)
    if not files:
        return root
    real = os.path.realpath(root)
    key = f"{os.path.basename(real) or 'root'}-{hashlib.sha256(real.encode()).hexdigest()[:12]}"
    cache = os.path.join(_cache_home(), "actnb", "torchvision", key)
    idx = os.path.join(cache, "idx")
    os.makedirs(idx, exist_ok=True)
    for name in files:
        source = os.path.join(root, name)
        target = os.path.join(idx, name[:-3] if name.endswith(".gz") else name)
        if not _fresh(target, source):
            _uncompress(source, target)
    for dataset in _MNIST_FAMILY:
        raw = os.path.join(cache, dataset, "raw")
        if not os.path.lexists(raw):
            os.makedirs(os.path.dirname(raw), exist_ok=True)
            try:
                os.symlink(os.path.join("..", "idx"), raw)
            except FileExistsError:
                pass  # made by another run at the same moment
    return cache
