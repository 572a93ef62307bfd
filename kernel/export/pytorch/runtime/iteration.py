# JavaScript's iterator protocol, for code that calls an iterator's next() and tests `.done`.
from types import SimpleNamespace
from typing import Any, Iterator

_DONE = object()


def iterator_result(iterator: Iterator[Any]) -> SimpleNamespace:
    """What JavaScript's iterator.next() returns: `.done`, and `.value` while not done."""
    value = next(iterator, _DONE)
    if value is _DONE:
        return SimpleNamespace(done=True, value=None)
    return SimpleNamespace(done=False, value=value)
