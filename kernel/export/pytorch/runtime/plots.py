# plots.py: actnb's plot functions (kernel/plots) under PyTorch: each returns a Chart whose
# Vega-Lite spec and text fallback equal what actnb's function gives for the same numbers.
# Names are actnb's in snake_case (plot.activation_plot, plot.gradient_table, …), options
# keyword arguments (xTitle → x_title). Numbers are rounded and written as JavaScript does
# (kernel/plots/format.ts), so the text fallbacks are the same strings.
import base64
import math
import re
import zlib
import struct
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal
from types import SimpleNamespace
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple, Union

import torch

Spec = Dict[str, Any]
Number = Union[int, float]

_SIG6 = Context(prec=6, rounding=ROUND_HALF_UP)


# ---- numbers as JavaScript writes them (format.ts) ----

def _js_number(v: Number) -> str:
    """String(v) of a JavaScript number: 3.0 → "3", 1e-7 → "1e-7", 1e21 → "1e+21" (positional from 1e-6 to 1e21)."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        v = float(v)
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    if v == 0:
        return "0"
    a = abs(v)
    if 1e-6 <= a < 1e21:
        # the shortest round-trip digits (Python's repr, as JavaScript's), in positional form
        text = format(Decimal(repr(v)), "f")
        return text[:-2] if text.endswith(".0") else text
    mantissa, exponent = repr(v).split("e")
    return f"{mantissa.removesuffix('.0')}e{'+' if int(exponent) > 0 else '-'}{abs(int(exponent))}"


def _to_fixed(v: Number, digits: int) -> str:
    """Number.prototype.toFixed: rounding half away from zero on the exact binary value."""
    if not math.isfinite(v) or abs(v) >= 1e21:
        return _js_number(v)
    if v == 0:
        v = 0.0  # JavaScript writes -0 as "0.00"
    return format(Decimal(v).quantize(Decimal(1).scaleb(-digits), ROUND_HALF_UP), "f")


def round6(v: Optional[Number]) -> Optional[Number]:
    """About 6 significant digits for spec data; non-finite numbers become None (JSON has no NaN)."""
    if v is None or not math.isfinite(v):
        return None
    if v == 0:
        return 0
    return float(_SIG6.create_decimal(v))


def fmt(v: Optional[Number]) -> str:
    """A number as a table cell: 6 significant digits, exponent form for very small or large values."""
    if v is None:
        return "—"
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    if v == 0:
        return "0"
    if 1e-4 <= abs(v) < 1e6:
        return _js_number(float(_SIG6.create_decimal(v)))
    sign, digits, exponent = _SIG6.create_decimal(v).as_tuple()
    power = exponent + len(digits) - 1
    digits = (tuple(digits) + (0,) * 6)[:6]
    mantissa = f"{digits[0]}.{''.join(map(str, digits[1:]))}".rstrip("0").rstrip(".")
    return f"{'-' if sign else ''}{mantissa}e{'+' if power >= 0 else '-'}{abs(power)}"


def pct(v: Number) -> str:
    """A percentage with one decimal, e.g. 0.125 → "12.5%"."""
    return f"{_js_number(float(_to_fixed(v * 100, 1)))}%"


def join_labels(labels: Sequence[str]) -> str:
    """"A", "A and B", "A, B and C"."""
    if len(labels) <= 1:
        return labels[0] if labels else ""
    return f"{', '.join(labels[:-1])} and {labels[-1]}"


def text_table(header: Sequence[str], rows: Sequence[Sequence[str]], align: Optional[Sequence[str]] = None) -> str:
    """An aligned plain-text table: the first column left-aligned (names), the others right-aligned."""
    everything = [header, *rows]
    widths = [max(len(r[c]) if c < len(r) else 0 for r in everything) for c in range(len(header))]

    def side(c: int) -> str:
        return align[c] if align is not None and c < len(align) else ("left" if c == 0 else "right")

    def pad(s: str, c: int) -> str:
        return s.ljust(widths[c]) if side(c) == "left" else s.rjust(widths[c])

    def line(r: Sequence[str]) -> str:
        return "  ".join(pad(r[c] if c < len(r) else "", c) for c in range(len(header))).rstrip()

    return "\n".join([line(header), "  ".join("─" * w for w in widths), *map(line, rows)])


def sample_indices(n: int, k: int) -> List[int]:
    """Evenly spread indices into a sequence of length n (at most k, first and last included)."""
    if n <= k:
        return list(range(n))
    out: List[int] = []
    for j in range(k):
        i = math.floor((j * (n - 1)) / (k - 1) + 0.5)  # Math.round
        if not out or out[-1] != i:
            out.append(i)
    return out


def _top_level(title: str, subtitle: Optional[str], rest: Spec) -> Spec:
    return {"$schema": VEGA_LITE_SCHEMA, "title": {"text": title, "subtitle": subtitle} if subtitle else {"text": title}, **rest}


def _numbers(v: Any, what: str) -> List[float]:
    if isinstance(v, torch.Tensor):
        return v.detach().reshape(-1).tolist()
    if isinstance(v, (list, tuple)):
        return [float(x) for x in v]
    raise TypeError(f"{what} must be a tensor or a list of numbers, got {type(v).__name__}")


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


# ---- activation_plot (kernel/plots/activation.ts, curves.ts) ----

_F_SERIES = "f(x)"
_DF_SERIES = "f'(x)"

ActivationSpec = Union[str, Mapping[str, Any]]


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
    parts = [f"{p.symbol} = {fmt(given[p.name]) if _is_number(given[p.name]) else _js_text(given[p.name])}" for p in shown]
    return f" ({', '.join(parts)})"


def _js_text(v: Any) -> str:
    return _js_number(v) if isinstance(v, (int, float)) else str(v)


def _resolve_activation(a: ActivationSpec) -> _Resolved:
    """A name ("gelu", "LeakyReLU"), {"name", "params", "label"} or {"fn", "label"}, as the plots evaluate it."""
    if isinstance(a, Mapping) and "fn" in a:
        if not callable(a["fn"]):
            raise TypeError("activation_plot: 'fn' must be a function of a tensor")
        if not isinstance(a.get("label"), str):
            raise TypeError("activation_plot: a {'fn': ...} activation needs a 'label' (a string)")
        return _Resolved(a["label"], a["fn"])
    if isinstance(a, str):
        act, given, label = get_activation(a), {}, None
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
        raise ValueError(f"activation_plot: x must be [min, max] with min < max, got [{_js_text(lo)}, {_js_text(hi)}]")
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

    def rule(channel: str) -> Spec:
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


# ---- gradient_table (kernel/plots/gradients.ts) ----

@dataclass
class _Table:
    title: str
    caption: str
    row_title: str
    column_title: str
    columns: List[str]
    colored: List[str]
    color_title: str
    rows: List[str]
    cells: List[List[Optional[float]]]
    omitted: int


_PARAMETER_NAME = re.compile(r"(^|\.)(weight|bias)(_\w+)?$")


def _is_element_grads(data: Any) -> bool:
    return isinstance(data, Mapping) and "input" in data and "output" in data and "grad" in data


def _element_table(r: Mapping[str, Any], o: Dict[str, Any]) -> _Table:
    if r["grad"] is None:
        raise TypeError("gradient_table: grad is None; call backward() first (and give the input requires_grad)")
    x, y, g = _numbers(r["input"], "gradient_table: input"), _numbers(r["output"], "gradient_table: output"), _numbers(r["grad"], "gradient_table: grad")
    if not len(x) == len(y) == len(g):
        raise ValueError(f"gradient_table: input, output and grad must have as many elements (got {len(x)}, {len(y)}, {len(g)})")
    n = min(len(x), o["max_rows"])
    label = r.get("label")
    return _Table(
        title=o["title"] if o["title"] is not None else (f"Gradients through {label}" if label else "Gradients per element"),
        caption=o["caption"] if o["caption"] is not None else "x = input, f(x) = output, ∂L/∂x = input.grad after backward",
        row_title=o["row_title"] if o["row_title"] is not None else "i",
        column_title=o["column_title"] if o["column_title"] is not None else "",
        columns=["x", "f(x)", "∂L/∂x"], colored=["∂L/∂x"], color_title="|∂L/∂x|",
        rows=[str(i) for i in range(n)], cells=[[x[i], y[i], g[i]] for i in range(n)], omitted=len(x) - n,
    )


def _norm_table(runs: List[Tuple[str, Sequence[Mapping[str, Any]]]], single: bool, o: Dict[str, Any]) -> _Table:
    names: List[str] = []
    for _, norms in runs:
        if not isinstance(norms, (list, tuple)):
            raise TypeError("gradient_table: expected [{'name', 'norm'}, ...] from diagnostics.grad_norms or layer_grad_norms")
        for g in norms:
            if g["name"] not in names:
                names.append(g["name"])
    rows = names[:o["max_rows"]]
    columns = [o["value_title"] if o["value_title"] is not None else "‖∂L/∂W‖₂"] if single else [label for label, _ in runs]
    lookup = [{g["name"]: g["norm"] for g in norms} for _, norms in runs]
    what = "parameter" if names and all(_PARAMETER_NAME.search(n) for n in names) else "layer"
    return _Table(
        title=o["title"] if o["title"] is not None else f"Gradient norms per {what}",
        caption=o["caption"] if o["caption"] is not None else f"‖∂L/∂W‖₂ per {what} after one backward pass",
        row_title=o["row_title"] if o["row_title"] is not None else what,
        column_title="" if single else (o["column_title"] if o["column_title"] is not None else "run"),
        columns=columns, colored=columns,
        color_title=o["legend_title"] if o["legend_title"] is not None else "‖∂L/∂W‖₂",
        rows=rows, cells=[[m.get(name) for m in lookup] for name in rows], omitted=len(names) - len(rows),
    )


def gradient_table(data: Any, *, title: Optional[str] = None, caption: Optional[str] = None, row_title: Optional[str] = None,
                   legend_title: Optional[str] = None, value_title: Optional[str] = None, column_title: Optional[str] = None,
                   max_rows: int = 64, cell_width: int = 110) -> Chart:
    """Numbers in a grid, cells coloured by |value| on a log scale: per element from
    {"input", "output", "grad"} (columns x, f(x), ∂L/∂x), or per layer from diagnostics.grad_norms /
    layer_grad_norms (one column, or one per run given {run: norms})."""
    o = {"title": title, "caption": caption, "row_title": row_title, "legend_title": legend_title,
         "value_title": value_title, "column_title": column_title, "max_rows": max_rows}
    if _is_element_grads(data):
        t = _element_table(data, o)
    elif isinstance(data, (list, tuple)):
        t = _norm_table([("", data)], True, o)
    elif isinstance(data, Mapping):
        t = _norm_table(list(data.items()), False, o)
    else:
        raise TypeError("gradient_table: expected {'input', 'output', 'grad'} tensors, a [{'name', 'norm'}] list or {run: list}")
    shown_caption = f"{t.caption} (first {len(t.rows)} of {len(t.rows) + t.omitted} rows)" if t.omitted > 0 else t.caption
    values: List[Spec] = []
    for i, row in enumerate(t.rows):
        for j, column in enumerate(t.columns):
            v = t.cells[i][j]
            colored = column in t.colored and v is not None and math.isfinite(v) and v != 0
            values.append({"row": row, "column": column, "value": None if v is None else round6(v), "text": fmt(v),
                           **({"magnitude": round6(abs(v))} if colored else {})})
    mags = [d["magnitude"] for d in values if isinstance(d.get("magnitude"), (int, float)) and d["magnitude"] > 0]
    lo, hi = (min(mags), max(mags)) if mags else (1, 1)
    if lo == hi:
        lo, hi = round6(lo / 10), round6(hi * 10)
    x = {"field": "column", "type": "ordinal", "title": t.column_title or None, "scale": {"domain": t.columns},
         "axis": {"orient": "top", "labelAngle": 0, "domain": False, "ticks": False, "labelLimit": 200, "labelFontWeight": "bold"}}
    y = {"field": "row", "type": "ordinal", "title": t.row_title, "scale": {"domain": t.rows},
         # the row header sits above the row labels, level with the column headers
         "axis": {"domain": False, "ticks": False, "labelLimit": 200, "titleAngle": 0, "titleAlign": "right",
                  "titleBaseline": "bottom", "titleY": -4, "titleFontWeight": "bold"}}
    spec = _top_level(t.title, shown_caption, {
        "width": {"step": cell_width},
        "height": {"step": 22},
        "data": {"values": values},
        "encoding": {"x": x, "y": y},
        "layer": [
            {"transform": [{"filter": "isValid(datum.magnitude)"}], "mark": {"type": "rect", "opacity": 0.55},
             "encoding": {"color": {"field": "magnitude", "type": "quantitative", "title": t.color_title,
                                    "scale": {"type": "log", "domain": [lo, hi], "scheme": "viridis"},
                                    "legend": {"format": ".1~e", "orient": "right"}}}},
            {"mark": {"type": "text", "baseline": "middle"},
             "encoding": {"text": {"field": "text", "type": "nominal"},
                          "tooltip": [{"field": "row", "type": "nominal", "title": t.row_title},
                                      {"field": "column", "type": "nominal", "title": t.column_title or "column"},
                                      {"field": "text", "type": "nominal", "title": "value"}]}},
        ],
        "config": {"view": {"stroke": None}, "axis": {"grid": False}},
    })
    body = [[r, *(fmt(v) for v in t.cells[i])] for i, r in enumerate(t.rows)]
    return Chart(spec, "\n".join([t.title, shown_caption, "", text_table([t.row_title, *t.columns], body)]))


# ---- loss_curve (kernel/plots/loss.ts) ----

def _loss_series(series: Any) -> List[Dict[str, Any]]:
    if isinstance(series, (list, tuple)):
        if not series or _is_number(series[0]):
            return [{"label": "loss", "values": list(series)}]
        return [dict(s) for s in series]
    if isinstance(series, Mapping) and "values" in series:
        return [dict(series)]
    raise TypeError("loss_curve: expected a list of numbers or [{'label', 'values'}, ...]")


def _describe_loss(s: Mapping[str, Any], start: Number, x_title: str, log: bool) -> str:
    vs = s["values"]
    if not vs:
        return f"{s['label']}: no values yet"

    def at(i: int) -> str:
        return f"{x_title} {_js_number(start + i)}"

    parts = [f"{len(vs)} values, first {fmt(vs[0])}, last {fmt(vs[-1])}"]
    best = -1
    for i, v in enumerate(vs):
        if math.isfinite(v) and (best < 0 or v < vs[best]):
            best = i
    if best >= 0:
        parts.append(f"min {fmt(vs[best])} at {at(best)}")
    bad = next((i for i, v in enumerate(vs) if not math.isfinite(v)), -1)
    if bad >= 0:
        parts.append(f"{fmt(vs[bad])} at {at(bad)} (diverged; not plotted)")
    non_positive = sum(1 for v in vs if math.isfinite(v) and v <= 0) if log else 0
    if non_positive:
        parts.append(f"{non_positive} value(s) ≤ 0 left out of the log scale")
    return f"{s['label']}: {', '.join(parts)}"


def loss_curve(series: Any, *, title: str = "Training loss", legend_title: str = "series", subtitle: Optional[str] = None,
               x_title: str = "epoch", y_title: str = "loss", log: bool = False, start: Number = 1,
               points: Optional[bool] = None, width: int = 420, height: int = 260) -> Chart:
    """Loss against epoch (or step): one line per series, a legend when there are several, optionally
    a log y scale. Non-finite losses (a diverged run) are left out of the plot and told in the text."""
    runs = _loss_series(series)
    labels = [s["label"] for s in runs]
    if len(set(labels)) != len(labels):
        raise ValueError(f"loss_curve: series labels must differ (got {', '.join(labels)})")
    values = []
    for s in runs:
        for i, v in enumerate(s["values"]):
            r = round6(float(v))
            if r is not None and (not log or r > 0):
                values.append({"label": s["label"], "x": start + i, "loss": r})
    longest = max([0, *(len(s["values"]) for s in runs)])
    show_points = points if points is not None else longest <= 60
    many = len(runs) > 1
    encoding = {
        "x": {"field": "x", "type": "quantitative", "title": x_title, "axis": {"tickMinStep": 1, "format": "d"}},
        "y": {"field": "loss", "type": "quantitative", "title": y_title, "scale": {"type": "log"} if log else {"zero": False}},
        "color": {"field": "label", "type": "nominal", "title": legend_title, "scale": {"domain": labels, "scheme": "tableau10"},
                  "legend": {"orient": "right", "labelLimit": 240} if many else None},
        "tooltip": [
            *([{"field": "label", "type": "nominal", "title": legend_title}] if many else []),
            {"field": "x", "type": "quantitative", "title": x_title},
            {"field": "loss", "type": "quantitative", "title": y_title, "format": ".6~g"},
        ],
    }
    diverged = []
    for s in runs:
        bad = next((i for i, v in enumerate(s["values"]) if not math.isfinite(v)), -1)
        if bad >= 0:
            diverged.append(f"{s['label'] + ': ' if many else ''}{fmt(s['values'][bad])} at {x_title} {_js_number(start + bad)}")
    if subtitle is None and diverged:
        subtitle = f"Diverged (not plotted): {'; '.join(diverged)}"
    spec = _top_level(title, subtitle, {
        "width": width, "height": height, "data": {"values": values},
        "mark": {"type": "line", "strokeWidth": 2, "point": {"filled": True, "size": 30} if show_points else False, "tooltip": True},
        "encoding": encoding,
    })
    return Chart(spec, "\n".join([title, *(_describe_loss(s, start, x_title, log) for s in runs)]))


class LossCurve:
    """A loss curve that grows during training: ``push(label, loss)`` adds a value and returns the chart."""

    def __init__(self, **options: Any) -> None:
        self.options = options
        self._series: Dict[str, List[float]] = {}

    def push(self, label: Any, value: Any = None) -> Chart:
        """Adds the next value of a series (a number or a one-element tensor); push(value) uses "loss"."""
        if not isinstance(label, str):
            label, value = "loss", label
        if value is None:
            raise TypeError("LossCurve.push: give a value")
        self._series.setdefault(label, []).append(float(value.item() if isinstance(value, torch.Tensor) else value))
        return self.chart()

    @property
    def values(self) -> Dict[str, List[float]]:
        return {k: list(v) for k, v in self._series.items()}

    def chart(self) -> Chart:
        return loss_curve([{"label": k, "values": v} for k, v in self._series.items()], **self.options)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> Dict[str, Any]:
        return self.chart()._repr_mimebundle_()

    def __str__(self) -> str:
        return self.chart().text

    __repr__ = __str__


# ---- dead_units_chart (kernel/plots/dead_units.ts) ----

@dataclass
class _DeadRow:
    run: str
    layer: str
    epoch: Optional[Number]
    dead: float
    kind: Optional[str]
    units: Optional[int]

    @property
    def name(self) -> str:
        return f"{self.layer} ({self.kind})" if self.kind else self.layer


def _dead_rows(records: Any) -> List[_DeadRow]:
    entries = [(None, records)] if isinstance(records, (list, tuple)) else list(records.items()) if isinstance(records, Mapping) else None
    if entries is None:
        raise TypeError("dead_units_chart: expected [{'epoch', 'layer', 'dead_fraction'}, ...] records (or {run: records})")
    rows = []
    for run, records_of_run in entries:
        if not isinstance(records_of_run, (list, tuple)):
            raise TypeError("dead_units_chart: expected [{'epoch', 'layer', 'dead_fraction'}, ...] records (or {run: records})")
        for r in records_of_run:
            if not isinstance(r.get("layer"), str) or not _is_number(r.get("dead_fraction")):
                raise TypeError("dead_units_chart: each record needs a layer (string) and a dead_fraction (number), as diagnostics.layer_activity gives")
            epoch = r.get("epoch")
            rows.append(_DeadRow(run if run is not None else (r.get("run") or ""), r["layer"], epoch if _is_number(epoch) else None,
                                 r["dead_fraction"], r.get("kind"), r.get("units")))
    return rows


def _unique(xs: Sequence[Any]) -> List[Any]:
    return list(dict.fromkeys(xs))


def _dead_datum(r: _DeadRow) -> Spec:
    d: Spec = {"run": r.run, "layer": r.name, "dead": round6(r.dead)}
    if r.epoch is not None:
        d["epoch"] = r.epoch
    if r.units is not None:
        d["units"] = r.units
        d["dead_units"] = math.floor(r.dead * r.units + 0.5)  # Math.round
    return d


def _dead_tooltip(runs: Sequence[str], with_epoch: bool, x_title: str, with_units: bool) -> List[Spec]:
    return [
        *([{"field": "run", "type": "nominal", "title": "run"}] if len(runs) > 1 else []),
        {"field": "layer", "type": "nominal", "title": "layer"},
        *([{"field": "epoch", "type": "quantitative", "title": x_title}] if with_epoch else []),
        {"field": "dead", "type": "quantitative", "title": "dead units", "format": ".1%"},
        *([{"field": "dead_units", "type": "quantitative", "title": "dead / units"}, {"field": "units", "type": "quantitative", "title": "units"}] if with_units else []),
    ]


_DEAD_Y = {"field": "dead", "type": "quantitative", "title": "dead units (% of layer)", "scale": {"domain": [0, 1]}, "axis": {"format": "%"}}


def _dead_cell(rows: Sequence[_DeadRow], run: str, layer: str, epoch: Optional[Number]) -> str:
    r = next((x for x in rows if x.run == run and x.name == layer and (epoch is None or x.epoch == epoch)), None)
    return pct(r.dead) if r else "—"


def dead_units_chart(records: Any, *, title: Optional[str] = None, subtitle: Optional[str] = None, form: Optional[str] = None,
                     epoch: Optional[Number] = None, facet: bool = True, x_title: str = "epoch",
                     width: Optional[int] = None, height: int = 240) -> Chart:
    """Dead-unit fractions (diagnostics.layer_activity's dead_fraction) per layer: lines over epochs,
    or bars for one epoch. Several runs ({run: records}) get a panel each (or colours, facet=False)."""
    if form not in (None, "lines", "bars"):
        raise ValueError(f"dead_units_chart: form must be 'lines' or 'bars', got {form!r}")
    rows = _dead_rows(records)
    runs = _unique([r.run for r in rows])
    layers = _unique([r.name for r in rows])
    epochs = sorted(_unique([r.epoch for r in rows if r.epoch is not None]))
    form = form or ("lines" if len(epochs) > 1 else "bars")
    with_units = any(r.units is not None for r in rows)
    if width is None:
        width = 260 if form == "lines" and len(runs) > 1 and facet else 420

    if form == "lines":
        if any(r.epoch is None for r in rows):
            raise TypeError('dead_units_chart: lines need an epoch in every record (or use form="bars")')
        ordered = sorted(rows, key=lambda r: r.epoch)
        faceted = len(runs) > 1 and facet
        title = title if title is not None else "Dead units per layer during training"
        color_by_run = len(runs) > 1 and not faceted
        layer_legend = {"orient": "right", "labelLimit": 240} if len(layers) > 1 else None
        encoding: Spec = {
            "x": {"field": "epoch", "type": "quantitative", "title": x_title, "axis": {"tickMinStep": 1, "format": "d"}},
            "y": _DEAD_Y,
            "color": {"field": "run", "type": "nominal", "title": "run", "scale": {"domain": runs, "scheme": "tableau10"}, "legend": {"orient": "right"}}
            if color_by_run else {"field": "layer", "type": "nominal", "title": "layer", "scale": {"domain": layers, "scheme": "tableau10"}, "legend": layer_legend},
            "tooltip": _dead_tooltip(runs, True, x_title, with_units),
        }
        if color_by_run:
            encoding["strokeDash"] = {"field": "layer", "type": "nominal", "title": "layer", "scale": {"domain": layers}, "legend": layer_legend}
            encoding["detail"] = {"field": "layer", "type": "nominal"}
        unit = {"mark": {"type": "line", "strokeWidth": 2, "point": {"filled": True, "size": 30} if len(epochs) <= 60 else False, "tooltip": True},
                "encoding": encoding}
        data = {"values": [_dead_datum(r) for r in ordered]}
        spec = _top_level(title, subtitle, {
            "data": data,
            "facet": {"column": {"field": "run", "type": "nominal", "title": "run", "sort": runs, "header": {"labelFontWeight": "bold"}}},
            "spec": {"width": width, "height": height, **unit},
        }) if faceted else _top_level(title, subtitle, {"width": width, "height": height, "data": data, **unit})
        return Chart(spec, _dead_lines_text(title, ordered, runs, layers, epochs, x_title))

    # bars: one snapshot
    if epoch is None and epochs:
        epoch = epochs[-1]
    snapshot = rows if epoch is None else [r for r in rows if r.epoch == epoch or r.epoch is None]
    if not snapshot:
        raise ValueError(f"dead_units_chart: no records at {x_title} {_js_text(epoch)}")
    if title is None:
        title = "Dead units per layer" if epoch is None else f"Dead units per layer ({x_title} {_js_text(epoch)})"
    grouped = len(runs) > 1
    x = {"field": "layer", "type": "nominal", "title": "layer", "scale": {"domain": layers}, "axis": {"labelAngle": 0, "labelLimit": 160}}
    run_color = {"field": "run", "type": "nominal", "title": "run", "scale": {"domain": runs, "scheme": "tableau10"}, "legend": {"orient": "right"}}
    offset = {"xOffset": {"field": "run", "type": "nominal", "scale": {"domain": runs}}} if grouped else {}
    spec = _top_level(title, subtitle, {
        "width": width, "height": height,
        "data": {"values": [_dead_datum(r) for r in snapshot]},
        "encoding": {"x": x, "y": _DEAD_Y, **offset},
        "layer": [
            {"mark": {"type": "bar", "tooltip": True},
             "encoding": {**({"color": run_color} if grouped else {}), "tooltip": _dead_tooltip(runs, epoch is not None, x_title, with_units)}},
            {"mark": {"type": "text", "baseline": "bottom", "dy": -2}, "encoding": {"text": {"field": "dead", "type": "quantitative", "format": ".0%"}}},
        ],
    })
    header = ["layer", *(runs if len(runs) > 1 else ["dead units"])]
    body = [[layer, *(_dead_cell(snapshot, run, layer, None) for run in runs)] for layer in layers]
    text = [title, "Dead units (input ≤ 0 for the whole batch) as % of each layer's units.", "", text_table(header, body)]
    return Chart(spec, "\n".join(text))


def _dead_lines_text(title: str, rows: Sequence[_DeadRow], runs: Sequence[str], layers: Sequence[str], epochs: Sequence[Number], x_title: str) -> str:
    shown = [epochs[i] for i in sample_indices(len(epochs), 8)]
    some = f" ({len(shown)} of {len(epochs)} shown)" if len(shown) < len(epochs) else ""
    out = [title, f"Dead units (input ≤ 0 for the whole batch) as % of each layer's units, by {x_title}{some}."]
    for run in runs:
        out.append("")
        if len(runs) > 1:
            out.append(f"{run}:")
        header = ["layer", *(f"{x_title} {fmt(e)}" for e in shown)]
        body = [[layer, *(_dead_cell(rows, run, layer, e) for e in shown)]
                for layer in layers if any(r.run == run and r.name == layer for r in rows)]
        out.append(text_table(header, body))
    return "\n".join(out)


# ---- histogram (kernel/plots/histogram.ts) ----

@dataclass
class _Summary:
    name: str
    n: int
    dropped: int
    mean: float
    std: float
    min: float
    max: float
    counts: List[int]
    lo: float
    width: float


def _histogram_values(name: str, v: Any) -> List[float]:
    if isinstance(v, torch.Tensor):
        return v.detach().to(torch.float64).reshape(-1).tolist()
    if isinstance(v, (list, tuple)):
        return [float(x) for x in v]
    raise TypeError(f"histogram: {repr(name) + ' ' if name else ''}must be a tensor or a list of numbers")


def _summarize(name: str, xs: Sequence[float], lo: float, hi: float, bins: int) -> _Summary:
    width = (hi - lo) / bins
    counts = [0] * bins
    n = dropped = 0
    # summed one by one in order, as actnb does (Python's sum() compensates, which JavaScript does not)
    total = squares = 0.0
    low, high = math.inf, -math.inf
    for v in xs:
        if not math.isfinite(v):
            dropped += 1
            continue
        n += 1
        total += v
        squares += v * v
        low, high = min(low, v), max(high, v)
        if v < lo or v > hi:
            continue
        counts[min(bins - 1, math.floor((v - lo) / width))] += 1
    mean = total / n if n else math.nan
    std = math.sqrt(max(0.0, (squares - n * mean * mean) / (n - 1))) if n > 1 else math.nan
    return _Summary(name, n, dropped, mean, std, low, high, counts, lo, width)


def histogram(values: Any, *, title: Optional[str] = None, subtitle: Optional[str] = None, bins: int = 50,
              range: Optional[Tuple[float, float]] = None, shared: bool = True, log: bool = False, facet: bool = True,
              columns: int = 3, y: str = "count", x_title: str = "value", width: Optional[int] = None,
              height: Optional[int] = None) -> Chart:
    """A histogram of ``values`` (a tensor or numbers) or of each entry of {name: values}, binned here;
    several share one x range (unless shared=False) and get a panel each (unless facet=False)."""
    if isinstance(values, Mapping):
        named = [(k, _histogram_values(k, v)) for k, v in values.items()]
    else:
        named = [("", _histogram_values("", values))]
    if not named:
        raise ValueError("histogram: no distributions given")
    if isinstance(bins, bool) or not isinstance(bins, int) or bins < 1:
        raise ValueError(f"histogram: bins must be a positive whole number, not {bins}")
    if y not in ("count", "fraction"):
        raise ValueError(f"histogram: y must be 'count' or 'fraction', got {y!r}")
    shared = shared or range is not None

    def range_of(lists: Sequence[Sequence[float]]) -> Tuple[float, float]:
        if range is not None:
            lo, hi = range
        else:
            finite = [v for xs in lists for v in xs if math.isfinite(v)]
            lo, hi = (min(finite), max(finite)) if finite else (0, 1)
        if not hi >= lo:
            raise ValueError(f"histogram: range must be [min, max] with min ≤ max, not [{_js_text(lo)}, {_js_text(hi)}]")
        return (lo - 0.5, hi + 0.5) if hi == lo else (lo, hi)

    common = range_of([xs for _, xs in named]) if shared else None
    summaries = [_summarize(name, xs, *(common or range_of([xs])), bins) for name, xs in named]
    fraction = y == "fraction"
    data = [{"name": s.name, "bin_start": round6(s.lo + b * s.width), "bin_end": round6(s.lo + (b + 1) * s.width),
             "count": c, "fraction": round6(c / s.n if s.n else 0)} for s in summaries for b, c in enumerate(s.counts)]
    several = len(summaries) > 1
    faceted = several and facet
    title = title if title is not None else ("Distributions" if several else "Distribution")
    y_enc = {"field": y, "type": "quantitative", "title": "fraction of values" if fraction else "count",
             **({"scale": {"type": "symlog"}} if log else {}), **({"axis": {"format": "%"}} if fraction else {})}
    encoding: Spec = {
        "x": {"field": "bin_start", "type": "quantitative", "title": x_title,
              "bin": {"binned": True, "step": round6(summaries[0].width)} if shared else {"binned": True}},
        "x2": {"field": "bin_end"},
        "y": y_enc,
        "tooltip": [
            *([{"field": "name", "type": "nominal", "title": "distribution"}] if several else []),
            {"field": "bin_start", "type": "quantitative", "title": "from"}, {"field": "bin_end", "type": "quantitative", "title": "to"},
            {"field": "count", "type": "quantitative", "title": "count"}, {"field": "fraction", "type": "quantitative", "title": "fraction", "format": ".2%"},
        ],
    }
    if several and not faceted:
        encoding["color"] = {"field": "name", "type": "nominal", "title": "distribution", "scale": {"domain": [s.name for s in summaries], "scheme": "tableau10"}}
    mark = {"type": "bar", "tooltip": True, **({"opacity": 0.55} if several and not faceted else {})}
    w = width if width is not None else (220 if faceted else 420)
    h = height if height is not None else (140 if faceted else 220)
    spec = _top_level(title, subtitle, {
        "data": {"values": data},
        "facet": {"field": "name", "type": "nominal", "title": None, "sort": [s.name for s in summaries], "header": {"labelFontWeight": "bold"}},
        "columns": columns,
        "resolve": {"scale": {"y": "independent"} if shared else {"x": "independent", "y": "independent"}},
        "spec": {"width": w, "height": h, "mark": mark, "encoding": encoding},
    }) if faceted else _top_level(title, subtitle, {"width": w, "height": h, "data": {"values": data}, "mark": mark, "encoding": encoding})
    header = ["distribution", "values", "mean", "std", "min", "max"]
    body = [[s.name or "values", f"{s.n}{f' (+{s.dropped} not finite)' if s.dropped else ''}", fmt(s.mean), fmt(s.std),
             fmt(s.min if s.n else math.nan), fmt(s.max if s.n else math.nan)] for s in summaries]
    over = f"{bins} bins over [{fmt(common[0])}, {fmt(common[1])}]." if common else f"{bins} bins over each distribution's own range."
    return Chart(spec, "\n".join([title, over, "", text_table(header, body)]))


# ---- image (kernel/plots/image.ts, display/png.ts) ----

class Image:
    """A PNG picture (from plot.image): an image in notebooks, ``text`` elsewhere."""

    def __init__(self, png: bytes, width: int, height: int, text: str) -> None:
        self.png = png
        self.width = width
        self.height = height
        self.text = text

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> Dict[str, str]:
        return {"image/png": base64.b64encode(self.png).decode("ascii"), "text/plain": self.text}

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _encode_png(pixels: bytes, width: int, height: int, channels: int) -> bytes:
    """8-bit grey (1 channel) or RGB (3): one IDAT of the deflated scanlines, each with filter 0."""
    stride = width * channels
    raw = b"".join(b"\x00" + pixels[y * stride:(y + 1) * stride] for y in range(height))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0 if channels == 1 else 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IDAT", zlib.compress(raw)) + _png_chunk(b"IEND", b"")


def image(img: torch.Tensor, *, scale: int = 1, title: Optional[str] = None) -> Image:
    """A PNG of ``img``: [H, W] (grey) or [1 | 3, H, W] (channels first, as make_grid gives); floats
    read as in [0, 1] (× 255, rounded, clamped) as torchvision's save_image does, uint8 as is."""
    if not isinstance(img, torch.Tensor):
        raise TypeError("image: expected a tensor")
    x = img.detach()
    if x.dim() == 2:
        x = x.unsqueeze(0)
    if x.dim() != 3 or x.shape[0] not in (1, 3):
        raise ValueError(f"image: expected [H, W], [1, H, W] or [3, H, W], got [{', '.join(map(str, img.shape))}]")
    if isinstance(scale, bool) or not isinstance(scale, int) or not 1 <= scale <= 64:
        raise ValueError(f"image: scale must be a whole number from 1 to 64, not {scale}")
    pixels = x if x.dtype == torch.uint8 else x.to(torch.float32).mul(255).add(0.5).clamp(0, 255).to(torch.uint8)
    channels, h, w = pixels.shape
    # nearest neighbour: each pixel repeated scale times down and across
    hwc = pixels.permute(1, 2, 0).repeat_interleave(scale, 0).repeat_interleave(scale, 1).contiguous()
    width, height = w * scale, h * scale
    return Image(_encode_png(bytes(hwc.reshape(-1).tolist()), width, height, channels), width, height,
                 title if title is not None else f"<image {width}×{height}>")


# ---- confusion_matrix (kernel/plots/confusion.ts) ----

def _class_indices(name: str, v: Any) -> List[Number]:
    if isinstance(v, torch.Tensor):
        return (v.argmax(1) if v.dim() == 2 else v).detach().reshape(-1).tolist()
    if isinstance(v, (list, tuple)):
        return list(v)
    raise TypeError(f"confusion_matrix: {name} must be a tensor (class indices, or logits [N, classes]) or a list of class indices")


def confusion_matrix(predicted: Any, target: Any, *, classes: Optional[Sequence[str]] = None, normalize: Optional[str] = None,
                     title: str = "Confusion matrix", subtitle: Optional[str] = None, cell: int = 34) -> Chart:
    """How often each true class (rows) was predicted as each class (columns), as a heatmap of
    counts or, with normalize="true", of fractions of each row. ``predicted`` may be logits [N, classes]."""
    if normalize not in (None, "true"):
        raise ValueError(f"confusion_matrix: normalize must be None or 'true', got {normalize!r}")
    pred, truth = _class_indices("predicted", predicted), _class_indices("target", target)
    if len(pred) != len(truth):
        raise ValueError(f"confusion_matrix: {len(pred)} predictions for {len(truth)} targets")
    k = max([len(classes or []), *(p + 1 for p in pred), *(t + 1 for t in truth)])
    for v in [*pred, *truth]:
        if not (_is_number(v) and float(v).is_integer() and v >= 0):
            raise ValueError(f"confusion_matrix: class indices must be whole numbers ≥ 0, got {_js_text(v)}")
    names = [classes[i] if classes is not None and i < len(classes) else str(i) for i in range(k)]
    counts = [[0] * k for _ in range(k)]
    for p, t in zip(pred, truth):
        counts[int(t)][int(p)] += 1
    totals = [sum(row) for row in counts]
    normalized = normalize == "true"
    data = [{"actual": names[t], "predicted": names[p], "count": c, "fraction": c / totals[t] if totals[t] else 0}
            for t, row in enumerate(counts) for p, c in enumerate(row)]
    correct = sum(counts[i][i] for i in range(k))
    accuracy = correct / len(pred) if pred else 0
    value = "fraction" if normalized else "count"
    size = cell * k
    summary = f"accuracy {pct(accuracy)} ({correct} of {len(pred)})"
    spec = _top_level(title, subtitle if subtitle is not None else summary, {
        "width": size, "height": size,
        "data": {"values": data},
        "encoding": {
            "x": {"field": "predicted", "type": "nominal", "title": "predicted", "sort": names, "axis": {"labelAngle": -40}},
            "y": {"field": "actual", "type": "nominal", "title": "actual", "sort": names},
        },
        "layer": [
            {"mark": {"type": "rect", "tooltip": True}, "encoding": {
                "color": {"field": value, "type": "quantitative", "title": "fraction of row" if normalized else "count", "scale": {"scheme": "blues"}},
                "tooltip": [{"field": "actual", "type": "nominal"}, {"field": "predicted", "type": "nominal"}, {"field": "count", "type": "quantitative"},
                            {"field": "fraction", "type": "quantitative", "format": ".1%", "title": "fraction of row"}],
            }},
            {"mark": {"type": "text", "fontSize": 10}, "encoding": {"text": {"field": value, "type": "quantitative", "format": ".0%" if normalized else "d"}}},
        ],
    })
    header = ["actual \\ predicted", *names]
    body = [[names[t], *((pct(c / totals[t] if totals[t] else 0) if normalized else str(c)) for c in row)] for t, row in enumerate(counts)]
    return Chart(spec, "\n".join([title, summary, "", text_table(header, body)]))


# ---- training_curves (kernel/plots/training.ts) ----

def training_curves(metrics: Mapping[str, Any], *, title: str = "Training", subtitle: Optional[str] = None, x_title: str = "epoch",
                    start: Number = 1, percent: Optional[Sequence[str]] = None, width: int = 300, height: int = 220) -> Chart:
    """Several metrics of a run side by side, a panel each: training_curves({"loss": {"train": [...],
    "test": [...]}, "accuracy": {"test": [...]}}); metrics named *acc* are drawn as percentages."""
    names = list(metrics)
    if not names:
        raise ValueError("training_curves: no metrics given")

    def is_percent(m: str) -> bool:
        return m in percent if percent is not None else "acc" in m.lower()

    def series_of(m: str) -> List[Tuple[str, Sequence[float]]]:
        s = metrics[m]
        if isinstance(s, (list, tuple)):
            return [(m, s)]
        if isinstance(s, Mapping):
            return list(s.items())
        raise TypeError(f'training_curves: "{m}" must be numbers or {{series: numbers}}')

    labels = _unique([label for m in names for label, _ in series_of(m)])
    panels = []
    for m in names:
        values = [{"series": label, "x": start + i, "value": round6(v)} for label, vs in series_of(m) for i, v in enumerate(vs) if round6(v) is not None]
        panels.append({
            "width": width, "height": height, "title": m, "data": {"values": values},
            "mark": {"type": "line", "strokeWidth": 2, "point": {"filled": True, "size": 24}, "tooltip": True},
            "encoding": {
                "x": {"field": "x", "type": "quantitative", "title": x_title, "axis": {"tickMinStep": 1, "format": "d"}},
                "y": {"field": "value", "type": "quantitative", "title": m, "scale": {"zero": False}, **({"axis": {"format": "%"}} if is_percent(m) else {})},
                "color": {"field": "series", "type": "nominal", "title": "series", "scale": {"domain": labels, "scheme": "tableau10"}},
                "tooltip": [{"field": "series", "type": "nominal"}, {"field": "x", "type": "quantitative", "title": x_title},
                            {"field": "value", "type": "quantitative", "title": m, "format": ".2%" if is_percent(m) else ".4~g"}],
            },
        })
    # every panel names the same colour domain, so a series has one colour throughout
    spec = _top_level(title, subtitle, {"hconcat": panels})
    lines = [title]
    for m in names:
        for label, vs in series_of(m):
            last = vs[-1] if vs else math.nan
            shown = f"{_to_fixed(last * 100, 2)}%" if is_percent(m) else fmt(last)
            lines.append(f"{m}{f' ({label})' if label != m else ''}: {len(vs)} values, last {shown} at {x_title} {_js_number(start + len(vs) - 1)}")
    return Chart(spec, "\n".join(lines))


plot = SimpleNamespace(
    activation_plot=activation_plot,
    gradient_table=gradient_table,
    loss_curve=loss_curve,
    LossCurve=LossCurve,
    dead_units_chart=dead_units_chart,
    histogram=histogram,
    image=image,
    Image=Image,
    confusion_matrix=confusion_matrix,
    training_curves=training_curves,
    Chart=Chart,
    VEGA_LITE_SCHEMA=VEGA_LITE_SCHEMA,
)
"""actnb's ``plot`` namespace: ``plot.activation_plot("gelu", derivative=True)`` and the rest."""
