# plot_activation.py: plot.activation_plot (kernel/plots/activation.ts and curves.ts): activations
# from ACTIVATIONS (or functions of a tensor) on torch.linspace, their derivatives by autograd.
import math
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple, Union

import torch

_F_SERIES = "f(x)"
_DF_SERIES = "f'(x)"

ActivationSpec = Union[str, Activation, Mapping[str, Any]]


@dataclass
class _Resolved:
    label: str
    fn: Callable[[torch.Tensor], torch.Tensor]
    remark: Optional[str] = None


@dataclass
class _Curve:
    label: str
    x: List[float]
    f: List[float]
    df: Optional[List[float]]
    no_derivative: Optional[str]
    remark: Optional[str]


def _describe_params(act: Activation, given: Mapping[str, Any]) -> str:
    shown = [p for p in act.params if not p.hidden and given.get(p.name) is not None]
    if not shown:
        return ""
    parts = [f"{p.symbol} = {fmt(given[p.name]) if _is_plain_number(given[p.name]) else _plot_value_text(given[p.name])}" for p in shown]
    return f" ({', '.join(parts)})"


def _plot_value_text(v: Any) -> str:
    return _plot_number_text(v) if isinstance(v, (int, float)) else str(v)


def _resolve_activation(a: ActivationSpec) -> _Resolved:
    """A name ("gelu", "LeakyReLU"), an entry of ACTIVATIONS, {"name", "params", "label"} or {"fn", "label"}, as the plots evaluate it."""
    if isinstance(a, Mapping) and "fn" in a:
        if not callable(a["fn"]):
            raise TypeError("activation_plot: 'fn' must be a function of a tensor")
        if not isinstance(a.get("label"), str):
            raise TypeError("activation_plot: a {'fn': ...} activation needs a 'label' (a string)")
        return _Resolved(a["label"], a["fn"])
    if isinstance(a, str):
        act, given, label = get_activation(a), {}, None
    elif isinstance(a, Activation):
        act, given, label = a, {}, None
    elif isinstance(a, Mapping) and isinstance(a.get("name"), str):
        act, given, label = get_activation(a["name"]), dict(a.get("params") or {}), a.get("label")
    else:
        raise TypeError(f"activation_plot: expected an activation name, {{'name': ..., 'params': ...}} or {{'fn': ..., 'label': ...}}, got {type(a).__name__}")
    names = [p.name for p in act.params]
    for k in given:
        if k not in names:
            known = [p.name for p in act.params if not p.hidden]
            raise ValueError(f"{act.name} has no parameter '{k}'; its parameters: {', '.join(known) if known else '(none)'}")
    params = {**act.defaults(), **given}
    # the grid is a leaf that requires grad: never overwrite it in place
    if "inplace" in params:
        params["inplace"] = False
    if act.normalizing:
        pair = {**params, "dim": 1}
        return _Resolved(
            label if label is not None else f"{act.title}([x, 0])₀",
            lambda x: act(torch.stack([x, torch.zeros_like(x)], 1), pair).select(1, 0),
            f"{act.title} is not elementwise: plotted is the first output of {act.name}([x, 0]) over dim 1 (two classes, one score fixed at 0).",
        )
    return _Resolved(label if label is not None else act.title + _describe_params(act, given), lambda x: act(x, params))


def _compute_curve(r: _Resolved, lo: float, hi: float, points: int, dtype: torch.dtype) -> _Curve:
    """Runs the activation on torch.linspace and differentiates it by autograd (backward of ones)."""
    with torch.enable_grad():
        x = torch.linspace(lo, hi, points, dtype=dtype, requires_grad=True)
        y = r.fn(x)
        if not isinstance(y, torch.Tensor):
            raise TypeError(f"activation_plot: {r.label} did not return a tensor")
        if y.numel() != x.numel():
            raise ValueError(f"activation_plot: {r.label} returned {y.numel()} values for {x.numel()} inputs (it must be elementwise)")
        f = y.detach().reshape(-1).tolist()
        xs = x.detach().tolist()
        df: Optional[List[float]] = None
        no_derivative: Optional[str] = None
        if not y.requires_grad:
            no_derivative = "the output does not depend on x through autograd"
        else:
            try:
                y.backward(torch.ones_like(y))
                if x.grad is None:
                    no_derivative = "autograd produced no gradient for x"
                else:
                    df = x.grad.reshape(-1).tolist()
            except Exception as e:  # whatever the backward raises is the reason there is no derivative
                no_derivative = f'PyTorch\'s backward raises "{e}"'
    return _Curve(r.label, xs, f, df, no_derivative, r.remark)


def _unique_labels(labels: Sequence[str]) -> List[str]:
    seen: Dict[str, int] = {}
    out = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        out.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return out


def _value_range(values: Sequence[float]) -> str:
    finite = [v for v in values if math.isfinite(v)]
    return f"[{fmt(min(finite))}, {fmt(max(finite))}]" if finite else "no finite values"


def _activation_text(title: str, curves: Sequence[_Curve], lo: float, hi: float, points: int, derivative: Union[bool, str]) -> str:
    lines = [title, f"x from {fmt(lo)} to {fmt(hi)} ({points} points); f'(x) by autograd (backward of ones)."]
    for c in curves:
        lines.append("")
        parts = [f"f(x) in {_value_range(c.f)}"]
        if c.df is not None:
            parts.append(f"f'(x) in {_value_range(c.df)}")
        lines.append(f"{c.label}: {', '.join(parts)}")
        if c.remark:
            lines.append(f"  {c.remark}")
        if c.df is None:
            lines.append(f"  No derivative{' plotted' if derivative else ''}: {c.no_derivative or 'none'}.")
        idx = sample_indices(len(c.x), 9)
        header = ["x", *(fmt(round6(c.x[i])) for i in idx)]
        rows = [["f(x)", *(fmt(c.f[i]) for i in idx)]]
        if c.df is not None:
            rows.append(["f'(x)", *(fmt(c.df[i]) for i in idx)])
        lines.append("\n".join(f"  {l}" for l in text_table(header, rows).split("\n")))
    return "\n".join(lines)


def activation_plot(activations: Union[ActivationSpec, Sequence[ActivationSpec]], *, x: Tuple[float, float] = (-5, 5),
                    points: int = 401, derivative: Union[bool, str] = False, title: Optional[str] = None,
                    subtitle: Optional[str] = None, x_title: Optional[str] = None, y_title: Optional[str] = None,
                    width: int = 420, height: int = 280, dtype: str = "float32") -> Chart:
    """Activations as a line chart, coloured by activation; with ``derivative`` (True or "only"),
    f'(x) from autograd as dashed lines. Heaviside, which PyTorch cannot differentiate, gets none."""
    specs = list(activations) if isinstance(activations, (list, tuple)) else [activations]
    if not specs:
        raise ValueError("activation_plot: give at least one activation")
    lo, hi = x
    if not (math.isfinite(lo) and math.isfinite(hi) and lo < hi):
        raise ValueError(f"activation_plot: x must be [min, max] with min < max, got [{_plot_value_text(lo)}, {_plot_value_text(hi)}]")
    if isinstance(points, bool) or not isinstance(points, int) or points < 2:
        raise ValueError(f"activation_plot: points must be an integer ≥ 2, got {points}")
    if derivative not in (True, False, "only"):
        raise ValueError(f"activation_plot: derivative must be True, False or 'only', got {derivative!r}")
    grid_dtypes = {"float32": torch.float32, "float64": torch.float64}
    if dtype not in grid_dtypes:
        raise ValueError(f"activation_plot: dtype must be 'float32' or 'float64', got {dtype!r}")

    resolved = [_resolve_activation(a) for a in specs]
    labels = _unique_labels([r.label for r in resolved])
    curves = [_compute_curve(_Resolved(label, r.fn, r.remark), lo, hi, points, grid_dtypes[dtype]) for r, label in zip(resolved, labels)]

    many = len(labels) > 1
    if title is None:
        names = join_labels(labels)
        if derivative == "only":
            title = f"{'Derivatives' if many else 'Derivative'} of {names}"
        elif derivative:
            title = f"{names} {'and their derivatives' if many else 'and its derivative'}"
        else:
            title = names
    values = [{"label": c.label, "x": [round6(v) for v in c.x], "f": [round6(v) for v in c.f],
               "df": [round6(v) for v in c.df] if c.df is not None else []} for c in curves]
    keep = " && datum.curve === 'df'" if derivative == "only" else "" if derivative else " && datum.curve === 'f'"
    hover = "df" if derivative == "only" else "f"
    if y_title is None:
        y_title = _DF_SERIES if derivative == "only" else f"{_F_SERIES}, {_DF_SERIES}" if derivative else _F_SERIES
    no_derivative = [c.label for c in curves if c.df is None]
    if subtitle is None and derivative and no_derivative:
        subtitle = f"No derivative in PyTorch for {join_labels(no_derivative)}"

    x_enc = {"field": "x", "type": "quantitative", "title": x_title if x_title is not None else "x",
             "scale": {"domain": [round6(lo), round6(hi)], "nice": False}}
    color = {"field": "label", "type": "nominal", "title": "activation", "scale": {"domain": labels, "scheme": "tableau10"},
             "legend": {"orient": "right", "labelLimit": 320} if many else None}

    def rule(channel: str) -> _Spec:
        return {"data": {"values": [{}]}, "mark": {"type": "rule", "strokeWidth": 1, "opacity": 0.35},
                "encoding": {channel: {"datum": 0, "type": "quantitative"}}}

    y_enc = {"field": "y", "type": "quantitative", "title": y_title}
    spec = _top_level(title, subtitle, {
        "width": width,
        "height": height,
        "layer": [
            rule("y"),
            *([rule("x")] if lo < 0 < hi else []),
            {
                "data": {"values": values},
                "transform": [
                    {"flatten": ["x", "f", "df"]},
                    {"fold": ["f", "df"], "as": ["curve", "y"]},
                    {"filter": f"isValid(datum.y){keep}"},
                    {"calculate": f"datum.curve === 'f' ? '{_F_SERIES}' : \"{_DF_SERIES}\"", "as": "series"},
                    {"calculate": "isValid(datum.df) ? format(datum.df, '.6~g') : 'not defined'", "as": "slope"},
                ],
                "layer": [
                    {
                        "mark": {"type": "line", "strokeWidth": 2, "clip": True},
                        "encoding": {
                            "x": x_enc, "y": y_enc, "color": color,
                            "strokeDash": {"field": "series", "type": "nominal", "title": "curve",
                                           "scale": {"domain": [_F_SERIES, _DF_SERIES], "range": [[1, 0], [6, 4]]},
                                           "legend": {"orient": "right"} if derivative is True else None},
                        },
                    },
                    {
                        # invisible points under the lines carry the tooltips
                        "transform": [{"filter": f"datum.curve === '{hover}'"}],
                        "mark": {"type": "point", "filled": True, "opacity": 0, "size": 60, "clip": True},
                        "encoding": {
                            "x": x_enc, "y": y_enc,
                            "tooltip": [
                                {"field": "label", "type": "nominal", "title": "activation"},
                                {"field": "x", "type": "quantitative", "title": "x", "format": ".4~g"},
                                {"field": "f", "type": "quantitative", "title": _F_SERIES, "format": ".6~g"},
                                {"field": "slope", "type": "nominal", "title": _DF_SERIES},
                            ],
                        },
                    },
                ],
            },
        ],
    })
    return Chart(spec, _activation_text(title, curves, lo, hi, points, derivative))
