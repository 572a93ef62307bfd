# diagnostics.py: actnb's diagnostics (kernel/engine/diagnostics.ts) under PyTorch: dead ReLU
# units, activation sparsity and per-layer gradient norms, as Records with actnb's keys. They
# observe a model through forward hooks and .grad; they never change it.
import math
from types import SimpleNamespace
from typing import List

import torch
import torch.nn as nn


def sparsity(t: torch.Tensor) -> float:
    """Fraction of elements that are exactly zero."""
    n = t.numel()
    return int((t.detach() == 0).sum()) / n if n else 0


def _dead_units(pre: torch.Tensor) -> "tuple[int, int]":
    """Units (the last dimension) and how many of them are ≤ 0 in every row."""
    units = pre.shape[-1] if pre.dim() else 1
    if units == 0:
        return 0, 0
    alive = (pre.detach().reshape(-1, units) > 0).any(0)
    return units, int((~alive).sum())


def layer_activity(model: nn.Module, input: torch.Tensor) -> List[Record]:
    """Runs ``model(input)`` once without autograd and reports, for every activation module, its
    dead units (input ≤ 0 for the whole batch) and output sparsity: Records with layer, kind,
    units, dead_fraction and sparsity."""
    report: List[Record] = []
    handles = []
    kinds = activation_modules()
    for name, m in model.named_modules():
        if not isinstance(m, kinds):
            continue

        def hook(module: nn.Module, inputs: tuple, output: torch.Tensor, name: str = name) -> None:
            units, dead = _dead_units(inputs[0])
            report.append(Record(layer=name, kind=module._get_name(), units=units,
                                 dead_fraction=dead / units if units else 0, sparsity=sparsity(output)))

        handles.append(m.register_forward_hook(hook))
    try:
        with torch.no_grad():
            model(input)
    finally:
        for h in handles:
            h.remove()
    return report


def _l2(t: torch.Tensor) -> float:
    return math.sqrt(float(t.detach().to(torch.float64).pow(2).sum()))


def grad_norms(model: nn.Module) -> List[Record]:
    """L2 norm of each parameter's gradient (after backward), in registration order: Records {name, norm}."""
    return [Record(name=name, norm=_l2(p.grad) if p.grad is not None else 0) for name, p in model.named_parameters()]


def layer_grad_norms(model: nn.Module) -> List[Record]:
    """L2 norm of the gradients of each module that owns parameters directly (a layer): Records {name, norm}."""
    out: List[Record] = []
    for name, m in model.named_modules():
        own = list(m.parameters(recurse=False))
        if not own:
            continue
        squares = sum(_l2(p.grad) ** 2 if p.grad is not None else 0 for p in own)
        out.append(Record(name=name or m._get_name(), norm=math.sqrt(squares)))
    return out


diagnostics = SimpleNamespace(sparsity=sparsity, layer_activity=layer_activity, grad_norms=grad_norms, layer_grad_norms=layer_grad_norms)
"""actnb's ``diagnostics`` namespace: ``diagnostics.layer_grad_norms(model)`` and the rest."""
