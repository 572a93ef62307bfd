# plot_confusion.py: plot.confusion_matrix (kernel/plots/confusion.ts).
from typing import Any, List, Optional, Sequence

import torch


def _class_indices(name: str, v: Any) -> List[_Number]:
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
        if not (_is_plain_number(v) and float(v).is_integer() and v >= 0):
            raise ValueError(f"confusion_matrix: class indices must be whole numbers ≥ 0, got {_plot_value_text(v)}")
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
