"""torch.utils.data against PyTorch 1.13: which indices a seeded DataLoader yields, batch by batch
and epoch by epoch, what random_split puts in each part, and how much of the global random stream
each of them uses (the numbers torch.rand draws afterwards). Writes fixtures/data.json;
test/golden/data.test.ts replays each case by name.

A DataLoader draws one int64 from its generator (the global one by default) for every epoch, even
without shuffling (its workers' base seed); a shuffling one without a generator draws a second,
seeds a fresh generator with it, and takes randperm from that.
"""
import torch
from torch.utils.data import DataLoader, TensorDataset, random_split

from golden_common import dumps, fixture_path, setup_torch, write_fixture


def indices_of(loader, epochs):
    return [[batch[0].tolist() for batch in loader] for _ in range(epochs)]


def loader_case(n, epochs=2, seed=0, generator_seed=None, **kwargs):
    torch.manual_seed(seed)
    g = None
    if generator_seed is not None:
        g = torch.Generator()
        g.manual_seed(generator_seed)
    loader = DataLoader(TensorDataset(torch.arange(n)), generator=g, **kwargs)
    out = {"n": n, "seed": seed, "generator_seed": generator_seed, "options": kwargs, "length": len(loader)}
    out["epochs"] = indices_of(loader, epochs)
    out["after"] = torch.rand(3).tolist()
    if g is not None:
        out["after_generator"] = torch.rand(3, generator=g).tolist()
    return out


def first_batches(n, batch_size, seed, batches=3, keep=8):
    """A big shuffled epoch: the first indices of the first batches, the count, the last batch's size."""
    torch.manual_seed(seed)
    loader = DataLoader(TensorDataset(torch.arange(n)), batch_size=batch_size, shuffle=True)
    got = [b[0] for b in loader]
    return {"n": n, "seed": seed, "batch_size": batch_size, "length": len(loader),
            "first": [b[:keep].tolist() for b in got[:batches]], "last_size": len(got[-1]),
            "checksum": sum(int(b.sum()) * (i + 1) for i, b in enumerate(got)) % 1000003,
            "after": torch.rand(3).tolist()}


def split_case(n, lengths, seed=0, generator_seed=None):
    torch.manual_seed(seed)
    kwargs = {}
    if generator_seed is not None:
        g = torch.Generator()
        g.manual_seed(generator_seed)
        kwargs["generator"] = g
    parts = [list(p.indices) for p in random_split(range(n), lengths, **kwargs)]
    out = {"n": n, "lengths": lengths, "seed": seed, "generator_seed": generator_seed, "after": torch.rand(3).tolist()}
    if n <= 100:
        out["parts"] = parts
    else:  # the first indices of each part, and a checksum of all of them in order
        out["heads"] = [p[:10] for p in parts]
        out["sizes"] = [len(p) for p in parts]
        out["checksum"] = sum(v * (i % 997 + 1) for p in parts for i, v in enumerate(p)) % 1000003
    return out


def collate_case():
    batch = [(torch.tensor([1.0, 2.0]), 3, 0.5, {"a": torch.tensor(1), "b": [1, 2]}),
             (torch.tensor([4.0, 5.0]), 6, 1.5, {"a": torch.tensor(2), "b": [3, 4]})]
    x, ints, floats, d = torch.utils.data.default_collate(batch)
    return {"x": {"values": x.tolist(), "dtype": str(x.dtype)},
            "ints": {"values": ints.tolist(), "dtype": str(ints.dtype)},
            "floats": {"values": floats.tolist(), "dtype": str(floats.dtype)},
            "dict_a": {"values": d["a"].tolist(), "dtype": str(d["a"].dtype)},
            "dict_b": [{"values": t.tolist(), "dtype": str(t.dtype)} for t in d["b"]]}


def main():
    setup_torch()
    doc = {
        "loaders": {
            "sequential": loader_case(10, batch_size=4, seed=2),
            "shuffle": loader_case(10, batch_size=3, shuffle=True, seed=0, epochs=3),
            "shuffle_drop_last": loader_case(10, batch_size=4, shuffle=True, drop_last=True, seed=1),
            "shuffle_generator": loader_case(12, batch_size=5, shuffle=True, seed=5, generator_seed=7),
            "sequential_generator": loader_case(7, batch_size=2, seed=6, generator_seed=8),
            "batch_one": loader_case(5, seed=9, shuffle=True),
        },
        "big": [first_batches(60000, 256, 0), first_batches(50000, 64, 123)],
        "splits": {
            "lengths": split_case(10, [7, 3], seed=3),
            "fractions": split_case(11, [0.5, 0.3, 0.2], seed=4),
            "generator": split_case(20, [15, 5], seed=0, generator_seed=42),
            "fashion": split_case(60000, [50000, 10000], seed=42),
        },
        "collate": collate_case(),
    }
    write_fixture(fixture_path("data.json"), dumps(doc))


if __name__ == "__main__":
    main()
