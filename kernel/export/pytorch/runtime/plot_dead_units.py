# plot_dead_units.py: plot.dead_units_chart (kernel/plots/dead_units.ts).
import math
from dataclasses import dataclass
from typing import Any, List, Mapping, Optional, Sequence


@dataclass
class _DeadRow:
    run: str
    layer: str
    epoch: Optional[_Number]
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
            if not isinstance(r.get("layer"), str) or not _is_plain_number(r.get("dead_fraction")):
                raise TypeError("dead_units_chart: each record needs a layer (string) and a dead_fraction (number), as diagnostics.layer_activity gives")
            epoch = r.get("epoch")
            rows.append(_DeadRow(run if run is not None else (r.get("run") or ""), r["layer"], epoch if _is_plain_number(epoch) else None,
                                 r["dead_fraction"], r.get("kind"), r.get("units")))
    return rows


def _unique(xs: Sequence[Any]) -> List[Any]:
    return list(dict.fromkeys(xs))


def _dead_datum(r: _DeadRow) -> _Spec:
    d: _Spec = {"run": r.run, "layer": r.name, "dead": round6(r.dead)}
    if r.epoch is not None:
        d["epoch"] = r.epoch
    if r.units is not None:
        d["units"] = r.units
        d["dead_units"] = math.floor(r.dead * r.units + 0.5)  # Math.round
    return d


def _dead_tooltip(runs: Sequence[str], with_epoch: bool, x_title: str, with_units: bool) -> List[_Spec]:
    return [
        *([{"field": "run", "type": "nominal", "title": "run"}] if len(runs) > 1 else []),
        {"field": "layer", "type": "nominal", "title": "layer"},
        *([{"field": "epoch", "type": "quantitative", "title": x_title}] if with_epoch else []),
        {"field": "dead", "type": "quantitative", "title": "dead units", "format": ".1%"},
        *([{"field": "dead_units", "type": "quantitative", "title": "dead / units"}, {"field": "units", "type": "quantitative", "title": "units"}] if with_units else []),
    ]


_DEAD_Y = {"field": "dead", "type": "quantitative", "title": "dead units (% of layer)", "scale": {"domain": [0, 1]}, "axis": {"format": "%"}}


def _dead_cell(rows: Sequence[_DeadRow], run: str, layer: str, epoch: Optional[_Number]) -> str:
    r = next((x for x in rows if x.run == run and x.name == layer and (epoch is None or x.epoch == epoch)), None)
    return pct(r.dead) if r else "—"


def dead_units_chart(records: Any, *, title: Optional[str] = None, subtitle: Optional[str] = None, form: Optional[str] = None,
                     epoch: Optional[_Number] = None, facet: bool = True, x_title: str = "epoch",
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
        encoding: _Spec = {
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
        raise ValueError(f"dead_units_chart: no records at {x_title} {_plot_value_text(epoch)}")
    if title is None:
        title = "Dead units per layer" if epoch is None else f"Dead units per layer ({x_title} {_plot_value_text(epoch)})"
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


def _dead_lines_text(title: str, rows: Sequence[_DeadRow], runs: Sequence[str], layers: Sequence[str], epochs: Sequence[_Number], x_title: str) -> str:
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
