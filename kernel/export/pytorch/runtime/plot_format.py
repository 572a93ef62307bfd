# plot_format.py: what every plot shares (kernel/plots/format.ts and chart.ts): numbers rounded
# and written as JavaScript writes them, so the charts' text fallbacks are actnb's strings, plain
# text tables, and the top level of a Vega-Lite spec.
import math
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Any, Dict, List, Optional, Sequence, Union

import torch

_Spec = Dict[str, Any]
_Number = Union[int, float]

_SIG6 = Context(prec=6, rounding=ROUND_HALF_UP)


def _plot_special_text(v: float, nan: str, inf: str) -> Optional[str]:
    """How a number formatter writes NaN, ±infinity (in its own words) and zero; None for other numbers."""
    if math.isnan(v):
        return nan
    if math.isinf(v):
        return inf if v > 0 else f"-{inf}"
    return "0" if v == 0 else None


def _plot_number_text(v: _Number) -> str:
    """String(v) of a JavaScript number: 3.0 → "3", 1e-7 → "1e-7", 1e21 → "1e+21" (positional from 1e-6 to 1e21)."""
    if isinstance(v, bool):
        return "true" if v else "false"
    special = _plot_special_text(float(v), "NaN", "Infinity")
    if special is not None:
        return special
    v, a = float(v), abs(v)
    if 1e-6 <= a < 1e21:
        # the shortest round-trip digits (Python's repr, as JavaScript's), in positional form
        text = format(Decimal(repr(v)), "f")
        return text[:-2] if text.endswith(".0") else text
    mantissa, exponent = repr(v).split("e")
    return f"{mantissa.removesuffix('.0')}e{'+' if int(exponent) > 0 else '-'}{abs(int(exponent))}"


def _plot_to_fixed(v: _Number, digits: int) -> str:
    """Number.prototype.toFixed: rounding half away from zero on the exact binary value."""
    if not math.isfinite(v) or abs(v) >= 1e21:
        return _plot_number_text(v)
    if v == 0:
        v = 0.0  # JavaScript writes -0 as "0.00"
    return format(Decimal(v).quantize(Decimal(1).scaleb(-digits), ROUND_HALF_UP), "f")


def round6(v: Optional[_Number]) -> Optional[_Number]:
    """About 6 significant digits for spec data; non-finite numbers become None (JSON has no NaN)."""
    if v is None or not math.isfinite(v):
        return None
    if v == 0:
        return 0
    return float(_SIG6.create_decimal(v))


def fmt(v: Optional[_Number]) -> str:
    """A number as a table cell: 6 significant digits, exponent form for very small or large values."""
    if v is None:
        return "—"
    special = _plot_special_text(v, "nan", "inf")
    if special is not None:
        return special
    if 1e-4 <= abs(v) < 1e6:
        return _plot_number_text(float(_SIG6.create_decimal(v)))
    sign, digits, exponent = _SIG6.create_decimal(v).as_tuple()
    power = exponent + len(digits) - 1
    digits = (tuple(digits) + (0,) * 6)[:6]
    mantissa = f"{digits[0]}.{''.join(map(str, digits[1:]))}".rstrip("0").rstrip(".")
    return f"{'-' if sign else ''}{mantissa}e{'+' if power >= 0 else '-'}{abs(power)}"


def pct(v: _Number) -> str:
    """A percentage with one decimal, e.g. 0.125 → "12.5%"."""
    return f"{_plot_number_text(float(_plot_to_fixed(v * 100, 1)))}%"


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


def _top_level(title: str, subtitle: Optional[str], rest: _Spec) -> _Spec:
    return {"$schema": VEGA_LITE_SCHEMA, "title": {"text": title, "subtitle": subtitle} if subtitle else {"text": title}, **rest}


def _numbers(v: Any, what: str) -> List[float]:
    if isinstance(v, torch.Tensor):
        return v.detach().reshape(-1).tolist()
    if isinstance(v, (list, tuple)):
        return [float(x) for x in v]
    raise TypeError(f"{what} must be a tensor or a list of numbers, got {type(v).__name__}")


def _is_plain_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


