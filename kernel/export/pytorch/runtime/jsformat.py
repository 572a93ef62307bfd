# JavaScript's text for values, so that an exported notebook prints exactly what its TypeScript
# run printed: Number -> String (ECMAScript Number::toString), toFixed, toExponential,
# toLocaleString("en"), console.table as Node 20 draws it, and console.log's joining of arguments.
# Every rule here was checked against node itself (test/unit/pytorch-jsformat.test.ts).
import math
import re
import unicodedata
from decimal import ROUND_HALF_UP, Context, Decimal


def _number(v):
    """A JS number (a Python float) from an int or float; bools and others are refused."""
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise TypeError(f"expected a number, got {type(v).__name__}: {v!r}")
    try:
        return float(v)
    except OverflowError:
        # JS numbers are doubles: an int past the double range is Infinity there
        return math.inf if v > 0 else -math.inf


def _shortest_digits(x):
    """For a finite positive x: (digits, n) with x == 0.digits * 10**n, digits the shortest
    that round-trip (Python's repr finds the same digits as JS's Number::toString)."""
    mantissa, _, exp = repr(x).partition("e")
    whole, _, frac = mantissa.partition(".")
    digits = (whole + frac).lstrip("0")
    n = len(whole) + (int(exp) if exp else 0) - (len(whole + frac) - len(digits))
    return digits.rstrip("0") or "0", n


def _number_to_string(x):
    """ECMAScript Number::toString(x) for a float: exponent form below 1e-6 and from 1e21 on."""
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    if x == 0:
        return "0"  # also -0, as String(-0) is "0"
    if x < 0:
        return "-" + _number_to_string(-x)
    s, n = _shortest_digits(x)
    k = len(s)
    if k <= n <= 21:
        return s + "0" * (n - k)
    if 0 < n <= 21:
        return s[:n] + "." + s[n:]
    if -6 < n <= 0:
        return "0." + "0" * (-n) + s
    e = n - 1
    exponent = ("+" if e >= 0 else "-") + str(abs(e))
    return (s[0] + ("." + s[1:] if k > 1 else "")) + "e" + exponent


def js_str(v):
    """JavaScript's String(v) for what a translated cell holds."""
    if v is None or isinstance(v, bool):
        return _inspect_primitive(v)  # "null", "true", "false": String() and util.inspect agree
    if isinstance(v, (int, float)):
        return _number_to_string(_number(v))
    if isinstance(v, str):
        return v
    if isinstance(v, (list, tuple)):
        # Array.prototype.toString: elements joined by ",", null/undefined as ""
        return ",".join("" if e is None else js_str(e) for e in v)
    return str(v)


def _check_digits(method, digits, low=0, high=100):
    if isinstance(digits, bool) or not isinstance(digits, int):
        raise TypeError(f"{method}() digits must be an integer, got {digits!r}")
    if not low <= digits <= high:
        raise ValueError(f"RangeError: {method}() digits argument must be between {low} and {high}")


_EXACT = Context(prec=2000, Emin=-5000, Emax=5000)


def _round_half_up(d, exponent):
    """The exact decimal d rounded to a multiple of 10**exponent, ties to the larger magnitude."""
    # enough precision for any double's exact digits (at most 767 significant, 1074 after the
    # point) plus 100 requested digits, so quantize never runs out of digits
    return d.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP, context=_EXACT)


def to_fixed(v, digits=0):
    """Number.prototype.toFixed(digits): the exact binary value rounded, ties away from zero."""
    _check_digits("toFixed", digits)
    x = _number(v)
    if not math.isfinite(x) or abs(x) >= 1e21:
        return _number_to_string(x)
    sign = "-" if x < 0 else ""  # -0 is not < 0, so (-0).toFixed(2) is "0.00"
    n = _round_half_up(Decimal(abs(x)), -digits)
    m = str(n.scaleb(digits, _EXACT).to_integral_value(context=_EXACT))
    if digits == 0:
        return sign + m
    m = m.rjust(digits + 1, "0")
    return sign + m[:-digits] + "." + m[-digits:]


def to_exponential(v, digits=None):
    """Number.prototype.toExponential(digits); without digits, as many as String(v) uses."""
    if digits is not None:
        _check_digits("toExponential", digits)
    x = _number(v)
    if not math.isfinite(x):
        return _number_to_string(x)
    sign = "-" if x < 0 else ""
    x = abs(x)
    if digits is None:
        s, n = _shortest_digits(x) if x else ("0", 1)
        e = n - 1
    elif x == 0:
        s, e = "0" * (digits + 1), 0
    else:
        d = Decimal(x)
        e = d.adjusted()
        n = _round_half_up(d, e - digits).scaleb(digits - e, _EXACT).to_integral_value(context=_EXACT)
        if n >= 10 ** (digits + 1):  # 9.99 rounded up to 10.0: one more digit before the point
            e += 1
            n = _round_half_up(d, e - digits).scaleb(digits - e, _EXACT).to_integral_value(context=_EXACT)
        s = str(n)
    mantissa = s[0] + ("." + s[1:] if len(s) > 1 else "")
    return sign + mantissa + "e" + ("+" if e >= 0 else "-") + str(abs(e))


def to_locale_string(v):
    """(v).toLocaleString("en"): grouped by commas, at most 3 fraction digits rounded half away
    from zero on the shortest decimal of v (ICU's rounding), "-0" for negative values that round
    to zero, "∞" for infinities."""
    x = _number(v)
    if math.isnan(x):
        return "NaN"
    negative = x < 0 or (x == 0 and math.copysign(1, x) < 0)
    if math.isinf(x):
        return ("-" if negative else "") + "∞"
    s, n = _shortest_digits(abs(x)) if x else ("0", 1)
    rounded = _round_half_up(Decimal(f"0.{s}e{n}"), -3)
    whole, _, frac = f"{rounded:f}".partition(".")
    frac = frac.rstrip("0")
    grouped = f"{int(whole):,}"
    return ("-" if negative else "") + grouped + ("." + frac if frac else "")


# ---- util.inspect, as console.table uses it (no colours, breakLength Infinity) ----

_META = {8: "\\b", 9: "\\t", 10: "\\n", 12: "\\f", 13: "\\r", 92: "\\\\"}
_IDENTIFIER = re.compile(r"^[a-zA-Z_][a-zA-Z_0-9]*$")
_MAX_STRING_LENGTH = 10000  # util.inspect's default maxStringLength


def _utf16(s):
    """The UTF-16 code units of s, as JS sees a string (lengths and lone surrogates)."""
    units = []
    for ch in s:
        c = ord(ch)
        if c > 0xFFFF:
            c -= 0x10000
            units += [0xD800 + (c >> 10), 0xDC00 + (c & 0x3FF)]
        else:
            units.append(c)
    return units


def _from_utf16(units):
    return b"".join(u.to_bytes(2, "little") for u in units).decode("utf-16-le", "surrogatepass")


def _str_escape(s):
    """Node's strEscape: quotes chosen by what s contains, control and C1 characters escaped."""
    quote = "'"
    if "'" in s:
        if '"' not in s:
            quote = '"'
        elif "`" not in s and "${" not in s:
            quote = "`"
    units = _utf16(s)
    out = []
    i = 0
    while i < len(units):
        c = units[i]
        if (quote == "'" and c == 39) or c == 92 or c < 32 or 126 < c < 160:
            out.append("\\'" if c == 39 else _META.get(c, f"\\x{c:02X}"))
        elif 0xD800 <= c <= 0xDFFF:
            if c <= 0xDBFF and i + 1 < len(units) and 0xDC00 <= units[i + 1] <= 0xDFFF:
                out.append(_from_utf16(units[i:i + 2]))
                i += 2
                continue
            out.append(f"\\u{c:x}")
        else:
            out.append(chr(c))
        i += 1
    return quote + "".join(out) + quote


def _inspect_string(s):
    units = _utf16(s)
    trailer = ""
    if len(units) > _MAX_STRING_LENGTH:
        remaining = len(units) - _MAX_STRING_LENGTH
        s = _from_utf16(units[:_MAX_STRING_LENGTH])
        trailer = f"... {remaining} more character{'s' if remaining > 1 else ''}"
    return _str_escape(s) + trailer


def _inspect_number(x):
    x = _number(x)
    return "-0" if x == 0 and math.copysign(1, x) < 0 else _number_to_string(x)


def _inspect_primitive(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return _inspect_number(v)
    if isinstance(v, str):
        return _inspect_string(v)
    return None


def _is_array_index(key):
    return re.fullmatch(r"0|[1-9][0-9]*", key) is not None and int(key) < 2**32 - 1


def _object_keys(d):
    """Object.keys order: array-index keys ascending first, then the rest as inserted."""
    keys = [str(k) for k in d]
    index = sorted((k for k in keys if _is_array_index(k)), key=int)
    return index + [k for k in keys if not _is_array_index(k)]


def _as_object(v):
    """The keys and values JS sees in v: a dict's by Object.keys order, a list's by index."""
    if isinstance(v, dict):
        by_key = {str(k): val for k, val in v.items()}
        return {k: by_key[k] for k in _object_keys(v)}
    return {str(i): val for i, val in enumerate(v)}


def _inspect_nested(v, depth):
    """util.inspect(v, {depth, maxArrayLength: 3, breakLength: Infinity}) at one level down."""
    primitive = _inspect_primitive(v)
    if primitive is not None:
        return primitive
    if isinstance(v, (list, tuple)):
        if depth < 0:
            return "[Array]"
        items = [_inspect_nested(e, depth - 1) for e in v[:3]]
        if len(v) > 3:
            more = len(v) - 3
            items.append(f"... {more} more item{'s' if more > 1 else ''}")
        return f"[ {', '.join(items)} ]" if items else "[]"
    if isinstance(v, dict):
        if depth < 0:
            return "[Object]"
        entries = [f"{k if _IDENTIFIER.match(k) else _str_escape(k)}: {_inspect_nested(val, depth - 1)}"
                   for k, val in _as_object(v).items()]
        return f"{{ {', '.join(entries)} }}" if entries else "{}"
    raise TypeError(f"console_table cannot show a {type(v).__name__} as Node would ({v!r:.60}); "
                    "pass numbers, strings, booleans, None, lists or dicts")


def _inspect_cell(v):
    # console.table's own depth rule: objects of more than 2 keys show as [Object]
    depth = -1 if isinstance(v, dict) and len(v) > 2 else 0
    return _inspect_nested(v, depth)


# ---- Node's getStringWidth (ICU's East Asian Width) and cli_table ----

_ANSI = re.compile(
    "[\u001B\u009B][\\[\\]()#;?]*"
    "(?:(?:(?:(?:;[-a-zA-Z\\d\\/\\#&.:=?%@~_]+)*"
    "|[a-zA-Z\\d]+(?:;[-a-zA-Z\\d\\/\\#&.:=?%@~_]*)*)?"
    "(?:\u0007|\u001B\u005C|\u009C))"
    "|(?:(?:\\d{1,4}(?:;\\d{0,4})*)?"
    "[\\dA-PR-TZcf-nq-uy=><~]))")


def _char_width(ch):
    if unicodedata.east_asian_width(ch) in ("F", "W"):
        return 2
    if ch != "\u00ad" and unicodedata.category(ch) in ("Cc", "Cf", "Me", "Mn"):
        return 0
    return 1


def _string_width(s):
    s = _ANSI.sub("", s)
    width = 0
    for i, ch in enumerate(s):
        if ord(ch) >= 127:
            return width + sum(_char_width(c) for c in unicodedata.normalize("NFC", s[i:]))
        width += 1 if ord(ch) >= 32 else 0
    return width


def _cli_table(head, columns):
    rows = max(len(c) for c in columns)
    cells = [[col[j] if j < len(col) and col[j] is not None else "" for col in columns] for j in range(rows)]
    widths = [max([_string_width(h)] + [_string_width(r[i]) for r in cells]) for i, h in enumerate(head)]
    divider = ["─" * (w + 2) for w in widths]

    def render(row):
        return "│ " + " │ ".join(c + " " * (w - _string_width(c)) for c, w in zip(row, widths)) + " │"

    lines = ["┌" + "┬".join(divider) + "┐", render(head), "├" + "┼".join(divider) + "┤"]
    lines += [render(r) for r in cells]
    lines.append("└" + "┴".join(divider) + "┘")
    return "\n".join(lines)


def console_table_text(data):
    """The text Node 20's console.table(data) prints, without the final newline."""
    if not isinstance(data, (list, tuple, dict)):
        return js_log_text(data)  # console.table of a primitive logs it
    columns = {}  # key -> {row: text}, in first-seen order (then Object.keys order below)
    values = {}
    index = list(_as_object(data).items())
    for i, (_, item) in enumerate(index):
        if not isinstance(item, (list, tuple, dict)):
            values[i] = _inspect_cell(item)
            continue
        for key, val in _as_object(item).items():
            columns.setdefault(key, {})[i] = _inspect_cell(val)
    keys = _object_keys(columns)
    head = ["(index)"] + keys + (["Values"] if values else [])
    cols = [[k for k, _ in index]]
    cols += [[columns[k].get(i) for i in range(len(index))] for k in keys]
    if values:
        cols.append([values.get(i) for i in range(len(index))])
    return _cli_table(head, cols)


def console_table(data):
    """console.table(data) for a list (or dict) of dicts, lists or primitives."""
    print(console_table_text(data))


# ---- console.log ----

def _log_arg(v):
    if isinstance(v, str):
        return v
    if v is None or isinstance(v, (bool, int, float)):
        return _inspect_primitive(v)  # console.log shows -0 as "-0", unlike String(-0)
    if isinstance(v, (list, tuple, dict)):
        raise TypeError("js_log cannot lay out a list or dict as console.log does (util.inspect "
                        "breaks long arrays into columns); format it into a string first")
    return str(v)  # tensors, modules: their repr is what actnb's inspect shows


def js_log_text(*args):
    if args and isinstance(args[0], str) and len(args) > 1 and re.search("%[sdifjoOc%]", args[0]):
        raise TypeError("js_log: a first argument with % is a format string to console.log; "
                        "format it into one string first")
    return " ".join(_log_arg(a) for a in args)


def js_log(*args):
    """console.log(...args): strings raw, numbers as util.inspect shows them, joined by spaces."""
    print(js_log_text(*args))
