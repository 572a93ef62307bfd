"""Convolution, pooling, BatchNorm2d and Dropout2d against PyTorch 1.13: outputs, grad_fn names
and gradients (of (out * w).sum() for a fixed random w) for a range of strides, paddings,
dilations and modes, plus Conv2d's seeded initialisation and Dropout2d's seeded mask. Writes
fixtures/conv.json; test/golden/conv.test.ts replays each case by name.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F

from golden_common import dumps, enc, fixture_path, flat, randn, setup_torch, write_fixture

CONV = [
    ("basic", (2, 3, 7, 7), (4, 3, 3, 3), {}),
    ("stride2_pad1", (2, 2, 8, 9), (3, 2, 3, 3), {"stride": 2, "padding": 1}),
    ("rect_kernel", (1, 2, 6, 7), (2, 2, 2, 3), {"stride": (1, 2), "padding": (1, 0)}),
    ("dilation", (1, 2, 9, 9), (3, 2, 3, 3), {"dilation": 2, "padding": 2}),
    ("same_even_kernel", (1, 1, 5, 6), (2, 1, 4, 2), {"padding": "same"}),
    ("valid_no_bias", (2, 1, 6, 6), (2, 1, 5, 5), {"padding": "valid", "bias": False}),
    ("unbatched", (3, 5, 5), (2, 3, 3, 3), {"padding": 1}),
    ("one_by_one", (2, 4, 3, 3), (5, 4, 1, 1), {}),
]

POOL = [
    ("max", "max_pool2d", (2, 2, 6, 7), {"kernel_size": 2}),
    ("max_stride1_pad1", "max_pool2d", (1, 2, 5, 5), {"kernel_size": 3, "stride": 1, "padding": 1}),
    ("max_ceil", "max_pool2d", (1, 1, 7, 7), {"kernel_size": 2, "ceil_mode": True}),
    ("max_dilation", "max_pool2d", (1, 1, 8, 8), {"kernel_size": 2, "dilation": 2}),
    ("avg", "avg_pool2d", (2, 2, 6, 6), {"kernel_size": 2}),
    ("avg_pad_include", "avg_pool2d", (1, 2, 5, 5), {"kernel_size": 3, "stride": 2, "padding": 1}),
    ("avg_pad_exclude_ceil", "avg_pool2d", (1, 1, 6, 7), {"kernel_size": 3, "stride": 2, "padding": 1, "count_include_pad": False, "ceil_mode": True}),
    ("avg_divisor", "avg_pool2d", (1, 1, 4, 4), {"kernel_size": 2, "divisor_override": 3}),
    ("adaptive_1x1", "adaptive_avg_pool2d", (2, 3, 5, 7), {"output_size": 1}),
    ("adaptive_3x2", "adaptive_avg_pool2d", (1, 2, 7, 5), {"output_size": (3, 2)}),
    ("adaptive_none", "adaptive_avg_pool2d", (1, 1, 6, 4), {"output_size": (None, 3)}),
]


def grads(out, leaves, name):
    w = randn(name + ":w", *out.shape)
    (out * w).sum().backward()
    return {"w": flat(w), "grads": [flat(t.grad) if t.grad is not None else None for t in leaves]}


def conv_case(name, xs, ws, kw):
    x = randn(name + ":x", *xs).requires_grad_()
    weight = randn(name + ":weight", *ws, scale=0.5).requires_grad_()
    use_bias = kw.pop("bias", True)
    bias = randn(name + ":bias", ws[0]).requires_grad_() if use_bias else None
    out = F.conv2d(x, weight, bias, **kw)
    leaves = [x, weight] + ([bias] if bias is not None else [])
    case = {"name": name, "x": flat(x), "x_shape": list(xs), "weight": flat(weight), "weight_shape": list(ws),
            "bias": flat(bias) if bias is not None else None, "kwargs": kw,
            "out": flat(out), "out_shape": list(out.shape), "grad_fn": type(out.grad_fn).__name__}
    case.update(grads(out, leaves, name))
    return case


def pool_case(name, fn, xs, kw):
    x = randn(name + ":x", *xs)
    if fn == "max_pool2d":  # ties and a nan, where the first (or the nan) must win
        x.view(-1)[0:4] = 0.5
        x.view(-1)[5] = float("nan")
    x.requires_grad_()
    out = getattr(F, fn)(x, **kw)
    case = {"name": name, "fn": fn, "x": enc(flat(x)), "x_shape": list(xs), "kwargs": kw,
            "out": enc(flat(out)), "out_shape": list(out.shape), "grad_fn": type(out.grad_fn).__name__}
    if fn == "max_pool2d":
        case["indices"] = flat(F.max_pool2d(x.detach(), return_indices=True, **kw)[1])
    case.update(grads(out, [x], name))
    case["grads"] = [enc(g) for g in case["grads"]]
    return case


def batchnorm_case():
    torch.manual_seed(0)
    bn = nn.BatchNorm2d(3)
    x = randn("bn:x", 4, 3, 5, 5, scale=2.0).add(1.0).requires_grad_()
    out = bn(x)
    case = {"x": flat(x), "x_shape": list(x.shape), "out": flat(out), "grad_fn": type(out.grad_fn).__name__,
            "running_mean": flat(bn.running_mean), "running_var": flat(bn.running_var)}
    g = grads(out, [x, bn.weight, bn.bias], "bn")
    case.update(g)
    bn.eval()
    case["eval_out"] = flat(bn(x.detach()))
    return case


def main():
    setup_torch()
    doc = {"conv": [conv_case(n, xs, ws, dict(kw)) for n, xs, ws, kw in CONV],
           "pool": [pool_case(n, fn, xs, dict(kw)) for n, fn, xs, kw in POOL],
           "batchnorm2d": batchnorm_case()}
    torch.manual_seed(0)
    conv = nn.Conv2d(3, 8, 3)
    doc["conv2d_init"] = {"weight": flat(conv.weight), "bias": flat(conv.bias), "after": torch.rand(3).tolist(), "repr": repr(conv)}
    torch.manual_seed(5)
    doc["dropout2d"] = {"out": flat(F.dropout2d(torch.ones(2, 3, 2, 2), 0.5)), "after": torch.rand(2).tolist()}
    doc["reprs"] = [repr(m) for m in (nn.Conv2d(1, 4, 3, padding=1), nn.Conv2d(2, 2, (3, 5), stride=2, dilation=(1, 2), bias=False),
                                      nn.Conv2d(1, 1, 3, padding="same"), nn.MaxPool2d(2), nn.MaxPool2d(3, stride=1, padding=1),
                                      nn.AvgPool2d(3, 2, 1), nn.AdaptiveAvgPool2d((1, 1)), nn.AdaptiveAvgPool2d(2), nn.BatchNorm2d(4), nn.Dropout2d(0.25))]
    write_fixture(fixture_path("conv.json"), dumps(doc))


if __name__ == "__main__":
    main()
