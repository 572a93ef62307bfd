# plot_loss.py: plot.loss_curve and plot.LossCurve (kernel/plots/loss.ts).
import math
from typing import Any, Dict, List, Mapping, Optional

import torch


def _loss_series(series: Any) -> List[Dict[str, Any]]:
    if isinstance(series, (list, tuple)):
        if not series or _is_plain_number(series[0]):
            return [{"label": "loss", "values": list(series)}]
        return [dict(s) for s in series]
    if isinstance(series, Mapping) and "values" in series:
        return [dict(series)]
    raise TypeError("loss_curve: expected a list of numbers or [{'label', 'values'}, ...]")


def _describe_loss(s: Mapping[str, Any], start: _Number, x_title: str, log: bool) -> str:
    vs = s["values"]
    if not vs:
        return f"{s['label']}: no values yet"

    def at(i: int) -> str:
        return f"{x_title} {_plot_number_text(start + i)}"

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
               x_title: str = "epoch", y_title: str = "loss", log: bool = False, start: _Number = 1,
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
            diverged.append(f"{s['label'] + ': ' if many else ''}{fmt(s['values'][bad])} at {x_title} {_plot_number_text(start + bad)}")
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
