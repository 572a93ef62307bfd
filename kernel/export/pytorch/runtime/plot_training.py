# plot_training.py: plot.training_curves (kernel/plots/training.ts): a panel per metric.
import math
from typing import Any, List, Mapping, Optional, Sequence, Tuple


def training_curves(metrics: Mapping[str, Any], *, title: str = "Training", subtitle: Optional[str] = None, x_title: str = "epoch",
                    start: _Number = 1, percent: Optional[Sequence[str]] = None, width: int = 300, height: int = 220) -> Chart:
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
            shown = f"{_plot_to_fixed(last * 100, 2)}%" if is_percent(m) else fmt(last)
            lines.append(f"{m}{f' ({label})' if label != m else ''}: {len(vs)} values, last {shown} at {x_title} {_plot_number_text(start + len(vs) - 1)}")
    return Chart(spec, "\n".join(lines))
