# records.py: the dicts the runtime returns where actnb returns a TypeScript object.
from typing import Any


class Record(dict):
    """A dict whose keys also read and write as attributes, as a TypeScript object's fields do.

    ``r.layer`` is ``r["layer"]``; a missing key raises AttributeError (not KeyError) so that
    ``getattr(r, "x", default)`` and ``hasattr`` behave as usual.
    """

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(f"record has no field '{name}'; its fields: {', '.join(self) or '(none)'}") from None

    def __setattr__(self, name: str, value: Any) -> None:
        self[name] = value

    def __delattr__(self, name: str) -> None:
        try:
            del self[name]
        except KeyError:
            raise AttributeError(name) from None
