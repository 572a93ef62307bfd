# display.py: rich outputs from code (Markdown, raw MIME bundles, progress bars, charts), as
# actnb's kernel/display shows them. Outputs go through IPython's display() unless a sink is set
# (set_display_sink), which is how the runtime is tested without a running kernel.
import json
import re
import time
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Callable, Dict, Optional

MimeBundle = Dict[str, Any]
DisplaySink = Callable[[MimeBundle, Optional[str], bool], None]

VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
VEGA_LITE_MIME = "application/vnd.vegalite.v5+json"

_sink: Optional[DisplaySink] = None
_display_ids = 0


def set_display_sink(sink: Optional[DisplaySink]) -> None:
    """Send every output to ``sink(bundle, display_id, update)`` instead of IPython (None: IPython again)."""
    global _sink
    _sink = sink


def _send(bundle: MimeBundle, display_id: Optional[str] = None, update: bool = False) -> None:
    if _sink is not None:
        _sink(bundle, display_id, update)
        return
    from IPython.display import display

    if display_id is None:
        display(bundle, raw=True)
    else:
        display(bundle, raw=True, display_id=display_id, update=update)


def _new_display_id() -> str:
    # ids count up within a kernel's life, as actnb's do, so saved notebooks do not change from run to run
    global _display_ids
    _display_ids += 1
    return f"display-{_display_ids}"


def _check_bundle(bundle: Any) -> MimeBundle:
    """As actnb's checkBundle: JSON types hold JSON (a string is parsed), text types strings, and
    a bundle without text/plain gets ``<first MIME type>`` as its text."""
    if not isinstance(bundle, dict):
        raise TypeError(f"display_bundle: expected a dict of MIME type to data, got {type(bundle).__name__}")
    out: MimeBundle = {}
    for mime, data in bundle.items():
        if re.search(r"[+/]json$", mime):
            out[mime] = json.loads(data) if isinstance(data, str) else json.loads(json.dumps(data))
        elif not isinstance(data, str):
            raise TypeError(f"display: data for {mime} must be a string (got {type(data).__name__})")
        else:
            out[mime] = data
    if not isinstance(out.get("text/plain"), str):
        out["text/plain"] = f"<{next(iter(out))}>" if out else ""
    return out


def display_bundle(bundle: MimeBundle) -> None:
    """Shows a hand-built MIME bundle, e.g. ``{"text/html": "<b>hi</b>", "text/plain": "hi"}``."""
    _send(_check_bundle(bundle))


def markdown(text: str) -> None:
    """Shows Markdown as the cell's output (its text fallback is the Markdown itself)."""
    if not isinstance(text, str):
        raise TypeError(f"markdown: expected a string, got {type(text).__name__}")
    _send({"text/markdown": text, "text/plain": text})


def _escape_html(s: str) -> str:
    # the four characters actnb's progress escapes (not the apostrophe, as html.escape would)
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


class Progress:
    """One progress output, updated in place: ``tick(note)`` counts one step, ``set(done, note)`` jumps."""

    # a redraw ten times a second is smooth enough; the first and the last are always shown
    _REDRAW_SECONDS = 0.1

    def __init__(self, total: int, label: str = "Progress") -> None:
        self.total = total
        self.label = label
        self.done = 0
        self._shown_at = 0.0
        self._display_id = _new_display_id()
        _send(self._bundle(""), self._display_id)

    def _bundle(self, note: str) -> MimeBundle:
        width = 30
        frac = min(1.0, self.done / self.total) if self.total > 0 else 0.0
        filled = int(Decimal(frac * width).quantize(Decimal(1), ROUND_HALF_UP))
        bar = "█" * filled + "░" * (width - filled)
        count = f"{self.done}/{self.total}"
        text = f"{self.label} {bar} {count}{'  ' + note if note else ''}"
        percent = Decimal(100 * self.done / self.total if self.total > 0 else 0).quantize(Decimal(1), ROUND_HALF_UP)
        body = (f'<div style="font-family: var(--vscode-editor-font-family, monospace)">{_escape_html(self.label)} '
                f'<progress value="{self.done}" max="{self.total}" style="width: 40%"></progress> {count} ({percent}%)'
                f"{' &nbsp;' + _escape_html(note) if note else ''}</div>")
        return {"text/html": body, "text/plain": text}

    def set(self, done: int, note: Optional[str] = None) -> None:
        self.done = done
        now = time.monotonic()
        if done < self.total and done > 1 and now - self._shown_at < self._REDRAW_SECONDS:
            return
        self._shown_at = now
        _send(self._bundle(note or ""), self._display_id, True)

    def tick(self, note: Optional[str] = None) -> None:
        self.set(self.done + 1, note)


def progress(total: int, label: str = "Progress") -> Progress:
    """A progress bar for loops: ``bar = progress(len(loader), "epoch 1"); bar.tick()`` per step."""
    if isinstance(total, bool) or not isinstance(total, int) or total < 0:
        raise TypeError(f"progress: total must be a whole number ≥ 0, got {total!r}")
    return Progress(total, label)


class Chart:
    """A Vega-Lite chart (what every plot function returns): the spec for renderers, the text for the rest."""

    def __init__(self, spec: Dict[str, Any], text: str) -> None:
        self.spec = spec
        self.text = text

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> MimeBundle:
        return {VEGA_LITE_MIME: self.spec, "text/plain": self.text}

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__
