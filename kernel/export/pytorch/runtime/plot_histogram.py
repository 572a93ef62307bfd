# plot_histogram.py: plot.histogram (kernel/plots/histogram.ts), binned here as actnb bins.
import math
from dataclasses import dataclass
from typing import Any, List, Mapping, Optional, Sequence, Tuple

import torch


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


def _histogram_values(name: str, v: Any) -> torch.Tensor:
    """The values as one float64 row (actnb reads a tensor's values as float64 too)."""
    if isinstance(v, torch.Tensor):
        return v.detach().to(torch.float64).reshape(-1)
    if isinstance(v, (list, tuple)):
        return torch.tensor([float(x) for x in v], dtype=torch.float64)
    raise TypeError(f"histogram: {repr(name) + ' ' if name else ''}must be a tensor or a list of numbers")


def _sequential_sum(v: torch.Tensor) -> float:
    # actnb adds one value after another; a CPU cumsum adds in that order too (torch.sum does not)
    return float(torch.cumsum(v, 0)[-1]) if v.numel() else 0.0


def _summarize(name: str, xs: torch.Tensor, lo: float, hi: float, bins: int) -> _Summary:
    width = (hi - lo) / bins
    v = xs[torch.isfinite(xs)]
    n = v.numel()
    inside = v[(v >= lo) & (v <= hi)]
    # the same float64 operations as actnb's (v - lo) / width, floored, the last bin closed
    index = torch.floor((inside - lo) / width).clamp(max=bins - 1).to(torch.int64)
    counts = torch.bincount(index, minlength=bins).tolist()
    mean = _sequential_sum(v) / n if n else math.nan
    std = math.sqrt(max(0.0, (_sequential_sum(v * v) - n * mean * mean) / (n - 1))) if n > 1 else math.nan
    low, high = (float(v.min()), float(v.max())) if n else (math.inf, -math.inf)
    return _Summary(name, n, xs.numel() - n, mean, std, low, high, counts, lo, width)


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

    def range_of(lists: Sequence[torch.Tensor]) -> Tuple[float, float]:
        if range is not None:
            lo, hi = range
        else:
            finite = torch.cat([xs[torch.isfinite(xs)] for xs in lists])
            lo, hi = (float(finite.min()), float(finite.max())) if finite.numel() else (0, 1)
        if not hi >= lo:
            raise ValueError(f"histogram: range must be [min, max] with min ≤ max, not [{_plot_value_text(lo)}, {_plot_value_text(hi)}]")
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
    encoding: _Spec = {
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
