# activations.py: actnb's own learnable activations (Swish-β and APL, which PyTorch lacks) as
# nn.Modules, and ACTIVATIONS, every activation actnb's plot.activationPlot knows, as PyTorch
# computes it. The facts about each activation (names, titles, parameters and their defaults) are
# not written here: runtime.ts writes them, as ACTIVATION_FACTS just above this file, from actnb's
# activation definitions, so the two cannot drift; here is only how PyTorch evaluates each one.
from dataclasses import dataclass
from typing import Any, Callable, Dict, Mapping, Optional, Tuple

import torch
import torch.nn as nn
import torch.nn.functional as F

_Params = Dict[str, Any]


def swish(input: torch.Tensor, beta: Any = 1.0) -> torch.Tensor:
    """Swish-β: x · σ(β·x) (β a number or a tensor, such as nn.Swish's learned beta)."""
    return input.mul(input.mul(beta).sigmoid())


def apl(input: torch.Tensor, a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """APL: max(0, x) + Σₛ aₛ · max(0, bₛ − x), with hinge slopes ``a`` and positions ``b`` of shape [S]."""
    # the hinges along a new last dimension, summed away
    hinge = b.sub(input.unsqueeze(-1)).relu()
    return input.relu().add(hinge.mul(a).sum(-1))


def _hinge_positions(num_hinges: int, spacing: float, dtype: Optional[torch.dtype] = None) -> torch.Tensor:
    # 0, -spacing, -2·spacing, …; 0 - 0 is +0, so the first hinge sits at +0 as in actnb
    return torch.tensor([float(0 - i * spacing) for i in range(num_hinges)], dtype=dtype)


class Swish(nn.Module):
    """Swish with a learnable sharpness β (actnb's nn.Swish): x · σ(β·x); β = 1 is SiLU."""

    def __init__(self, beta: float = 1.0) -> None:
        super().__init__()
        self.beta = nn.Parameter(torch.full((1,), float(beta)))

    def forward(self, input: torch.Tensor) -> torch.Tensor:
        return swish(input, self.beta)

    def extra_repr(self) -> str:
        # the learned β as it is now, as actnb prints it
        return f"beta={self.beta.item()!r}"


class APL(nn.Module):
    """Adaptive piecewise linear unit (actnb's nn.APL): ReLU plus ``num_hinges`` learned hinges."""

    def __init__(self, num_hinges: int = 2, slope: float = 0.2, spacing: float = 1.0) -> None:
        super().__init__()
        if isinstance(num_hinges, bool) or not isinstance(num_hinges, int) or num_hinges < 1:
            raise RuntimeError(f"APL: num_hinges must be a positive integer, got {num_hinges}")
        self.num_hinges = num_hinges
        self.slope = slope
        self.spacing = spacing
        self.a = nn.Parameter(torch.full((num_hinges,), float(slope)))
        self.b = nn.Parameter(_hinge_positions(num_hinges, spacing))

    def forward(self, input: torch.Tensor) -> torch.Tensor:
        return apl(input, self.a, self.b)

    def extra_repr(self) -> str:
        return f"num_hinges={self.num_hinges}"


# How PyTorch computes the activations whose functional form is not F.<name>(x, **params): PReLU
# and heaviside take tensors, Swish-β and APL are not in PyTorch. Each makes its tensors as actnb's
# definition does for a plot (one shared PReLU slope, hinges from the initial values).
_SPECIAL_FORWARDS: Dict[str, Callable[[torch.Tensor, _Params], torch.Tensor]] = {
    "prelu": lambda x, p: F.prelu(x, torch.full((1,), p["init"], dtype=x.dtype)),
    "heaviside": lambda x, p: torch.heaviside(x, torch.tensor(p["values"], dtype=x.dtype)),
    "swish": lambda x, p: swish(x, p["beta"]),
    "apl": lambda x, p: apl(x, torch.full((p["num_hinges"],), p["slope"], dtype=x.dtype),
                            _hinge_positions(p["num_hinges"], p["spacing"], x.dtype)),
}


@dataclass(frozen=True)
class ParamFact:
    """One parameter of an activation, as actnb defines it."""

    name: str
    default: Any
    # the symbol a label shows it by (α, β, …), else its name
    symbol: str
    # not a shape parameter (inplace): never shown in labels
    hidden: bool


@dataclass(frozen=True)
class Activation:
    """One activation actnb knows: its facts, and how PyTorch computes it."""

    name: str
    module: str
    title: str
    params: Tuple[ParamFact, ...]
    # softmax-like: normalises along a dim, so it is plotted as the first output over [x, 0]
    normalizing: bool
    forward: Callable[[torch.Tensor, _Params], torch.Tensor]

    def defaults(self) -> _Params:
        return {p.name: p.default for p in self.params}

    def __call__(self, x: torch.Tensor, params: Mapping[str, Any]) -> torch.Tensor:
        return self.forward(x, dict(params))


def _functional(name: str) -> Callable[[torch.Tensor, _Params], torch.Tensor]:
    fn = getattr(F, name, None)
    if fn is None:
        raise NotImplementedError(f"actnb's activation '{name}' has no torch.nn.functional.{name} and no PyTorch form in actnb_pytorch")
    return lambda x, p: fn(x, **p)


ACTIVATIONS: Dict[str, Activation] = {
    fact["name"]: Activation(
        name=fact["name"],
        module=fact["module"],
        title=fact["title"],
        params=tuple(ParamFact(**p) for p in fact["params"]),
        normalizing=fact["normalizing"],
        forward=_SPECIAL_FORWARDS.get(fact["name"]) or _functional(fact["name"]),
    )
    for fact in ACTIVATION_FACTS  # noqa: F821 (written just above this file by runtime.ts)
}


def get_activation(name: str) -> Activation:
    """An activation by its functional name ("leaky_relu") or module name ("LeakyReLU"), any case."""
    key = name.lower()
    for a in ACTIVATIONS.values():
        if a.name == key or a.module.lower() == key:
            return a
    raise ValueError(f"unknown activation '{name}'; known: {', '.join(ACTIVATIONS)}")


def activation_modules() -> Tuple[type, ...]:
    """The nn.Module classes of actnb's activations (nn.ReLU, …, Swish, APL): what diagnostics watch."""
    own = {"Swish": Swish, "APL": APL}
    return tuple(own.get(a.module) or getattr(nn, a.module) for a in ACTIVATIONS.values() if a.module)
