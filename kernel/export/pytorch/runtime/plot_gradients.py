# plot_gradients.py: plot.gradient_table (kernel/plots/gradients.ts): per element or per layer.
import math
import re
from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple


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
    values: List[_Spec] = []
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
