"""curlew: political event coding from Python, over libcurlew (ctypes).

    >>> import curlew
    >>> curlew.code("Israeli troops attacked Palestinian militants in Gaza.",
    ...             date="2024-03-15")
    [{'event_id': 'story:1:1', 'cameo': '190', 'source': {'code': 'ISRMIL', ...}, ...}]

Records are dicts shaped like the JSON lines `curlew code` writes (README,
"Using it"): nested source, target, location, plover and trigger, None for
JSON null, and CAMEO codes as strings ("010", never 10).

    coder = curlew.Coder(data_dir=None)     # loads the dictionaries once
    coder.code(text, date=None, id=None)    # one story -> list of records
    coder.code_file("stories.jsonl")        # iterates the records of a file
    curlew.query("events.sqlite", "events") # rows of a store, as dicts

Only the standard library is used.  The shared library is found beside the
package (PREFIX/lib when installed by `make install`), else through
$CURLEW_LIB or the system's library path.
"""
import ctypes
import ctypes.util
import glob
import math
import os

__all__ = ["Coder", "CurlewError", "code", "query", "version"]

MAX_SECTORS = 4
OPTIONS_VERSION = 1
EVENT_VERSION = 1
QUERY_VERSION = 1
FMT_AUTO = 0


class CurlewError(Exception):
    """A failure reported by libcurlew (its curlew_last_error message)."""


def _load():
    env = os.environ.get("CURLEW_LIB")
    if env:
        return ctypes.CDLL(env)
    # PREFIX/lib/python3/dist-packages/curlew/__init__.py -> PREFIX/lib
    here = os.path.dirname(os.path.abspath(__file__))
    libdir = os.path.normpath(os.path.join(here, "..", "..", ".."))
    found = sorted(glob.glob(os.path.join(libdir, "libcurlew.so.*")))
    if found:
        return ctypes.CDLL(found[-1])
    name = ctypes.util.find_library("curlew")
    if name:
        return ctypes.CDLL(name)
    raise CurlewError("libcurlew not found: install curlew (make install) or set CURLEW_LIB")


_lib = _load()
_libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")

_c = ctypes.c_char_p
_sz = ctypes.c_size_t


class _Options(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint), ("data_dir", _c), ("parse_timeout", ctypes.c_int),
                ("use_parser", ctypes.c_int), ("log", ctypes.c_void_p), ("petrarch", ctypes.c_int)]


class _Story(ctypes.Structure):
    _fields_ = [("id", _c), ("text", _c), ("len", _sz), ("date", _c), ("title", _c),
                ("source", _c), ("url", _c), ("line", ctypes.c_long), ("origin", _c)]


class _Actor(ctypes.Structure):
    _fields_ = [("code", _c), ("country", _c), ("sectors", _c * MAX_SECTORS),
                ("nsectors", _sz), ("text", _c), ("start", _sz), ("end", _sz)]


class _Location(ctypes.Structure):
    _fields_ = [("text", _c), ("country", _c), ("lat", ctypes.c_double),
                ("lon", ctypes.c_double), ("admin1", _c), ("feature", _c), ("precision", _c)]


class _Plover(ctypes.Structure):
    _fields_ = [("event", _c), ("mode", _c), ("context", _c)]


class _Span(ctypes.Structure):
    _fields_ = [("text", _c), ("start", _sz), ("end", _sz)]


class _Event(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint), ("event_id", _c), ("story_id", _c),
                ("sentence", ctypes.c_int), ("sentence_text", _c), ("date", _c),
                ("date_precision", _c), ("source", _Actor), ("target", _Actor),
                ("cameo", _c), ("root", _c), ("cameo_name", _c), ("quad_class", ctypes.c_int),
                ("goldstein", ctypes.c_double), ("plover", _Plover), ("location", _Location),
                ("trigger", _Span), ("rule", _c), ("confidence", ctypes.c_double),
                ("url", _c), ("title", _c),
                ("publisher", _c)]


class _Query(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint), ("what", ctypes.c_int), ("by", ctypes.c_int),
                ("cls", ctypes.c_int), ("dyad", ctypes.c_int), ("one_a_day", ctypes.c_int),
                ("tsv", ctypes.c_int), ("from_", _c), ("to", _c), ("match", _c),
                ("limit", ctypes.c_long)]


_vp = ctypes.c_void_p
_pp = ctypes.POINTER(ctypes.c_void_p)


def _sig(name, res, *args):
    f = getattr(_lib, name)
    f.restype = res
    f.argtypes = list(args)
    return f


_open = _sig("curlew_open", ctypes.c_int, _pp, ctypes.POINTER(_Options))
_close = _sig("curlew_close", None, _vp)
_errmsg = _sig("curlew_errmsg", _c, _vp)
_last_error = _sig("curlew_last_error", _c)
_version = _sig("curlew_version", _c)
_code = _sig("curlew_code", ctypes.c_int, _vp, ctypes.POINTER(_Story), _c, _pp)
_doc_free = _sig("curlew_doc_free", None, _vp)
_doc_errmsg = _sig("curlew_doc_errmsg", _c, _vp)
_doc_nevents = _sig("curlew_doc_nevents", _sz, _vp)
_doc_event = _sig("curlew_doc_event", ctypes.c_int, _vp, _sz, ctypes.POINTER(_Event))
_reader_open = _sig("curlew_reader_open", ctypes.c_int, _pp, _vp, _c, ctypes.c_int)
_reader_next = _sig("curlew_reader_next", ctypes.c_int, _vp, ctypes.POINTER(_Story))
_reader_errmsg = _sig("curlew_reader_errmsg", _c, _vp)
_reader_free = _sig("curlew_reader_free", None, _vp)
_store_open = _sig("curlew_store_open", ctypes.c_int, _pp, _c, _vp)
_store_close = _sig("curlew_store_close", None, _vp)
_store_errmsg = _sig("curlew_store_errmsg", _c, _vp)
_store_query = _sig("curlew_store_query", ctypes.c_int, _vp, ctypes.POINTER(_Query), _vp)
_query_init = _sig("curlew_query_init", ctypes.c_int, ctypes.POINTER(_Query), ctypes.c_uint)
_query_set = _sig("curlew_query_set", ctypes.c_int, ctypes.POINTER(_Query), _c, _c)

_libc.fopen.restype = _vp
_libc.fopen.argtypes = [_c, _c]
_libc.fclose.argtypes = [_vp]
_libc.open_memstream.restype = _vp
_libc.open_memstream.argtypes = [ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(_sz)]
_libc.free.argtypes = [_vp]

_EOF, _EDATA = -4, -2


def _s(b):
    return None if b is None else b.decode("utf-8", "replace")


def _b(s):
    return None if s is None else str(s).encode("utf-8")


def _num(v, digits):
    return None if math.isnan(v) else round(v, digits)


def _actor(a):
    if a.code is None:
        return None
    return {"code": _s(a.code), "country": _s(a.country),
            "sectors": [_s(a.sectors[i]) for i in range(a.nsectors)],
            "text": _s(a.text), "start": a.start, "end": a.end}


def _record(e):
    """A curlew_event as the JSON record writes it."""
    coded = e.quad_class != 0
    loc = e.location
    rec = {
        "event_id": _s(e.event_id), "story_id": _s(e.story_id), "sentence": e.sentence,
        "sentence_text": _s(e.sentence_text), "date": _s(e.date),
        "date_precision": _s(e.date_precision),
        "source": _actor(e.source), "target": _actor(e.target), "cameo": _s(e.cameo),
        "quad_class": e.quad_class if coded else None,
        "goldstein": _num(e.goldstein, 1) if coded else None,
        "plover": {"event": _s(e.plover.event), "mode": _s(e.plover.mode),
                   "context": _s(e.plover.context)} if coded else None,
        "location": None if loc.text is None else {
            "text": _s(loc.text), "country": _s(loc.country), "lat": _num(loc.lat, 4),
            "lon": _num(loc.lon, 4), "admin1": _s(loc.admin1), "feature": _s(loc.feature),
            "precision": _s(loc.precision)},
        "trigger": {"text": _s(e.trigger.text), "start": e.trigger.start, "end": e.trigger.end},
        "rule": _s(e.rule) or "",
        "confidence": _num(e.confidence, 2),
    }
    for key in ("url", "title", "publisher"):
        v = getattr(e, key)
        if v is not None:
            rec[key] = _s(v)
    return rec


def _records(doc):
    out = []
    for i in range(_doc_nevents(doc)):
        e = _Event(version=EVENT_VERSION)
        if _doc_event(doc, i, ctypes.byref(e)) < 0:
            raise CurlewError(_s(_last_error()))
        out.append(_record(e))
    return out


class Coder:
    """The dictionaries loaded once (about 0.1 s); code() as often as needed.
    A Coder may be shared by threads."""

    def __init__(self, data_dir=None, petrarch=False):
        self._h = ctypes.c_void_p()
        opts = _Options(version=OPTIONS_VERSION, data_dir=_b(data_dir), parse_timeout=1,
                        use_parser=1, log=None, petrarch=int(bool(petrarch)))
        rc = _open(ctypes.byref(self._h), ctypes.byref(opts))
        if rc < 0:
            msg = _s(_errmsg(self._h)) if self._h else "out of memory"
            _close(self._h)
            self._h = None
            raise CurlewError(msg)

    def close(self):
        if self._h:
            _close(self._h)
            self._h = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        self.close()

    def _code_story(self, st, date):
        doc = ctypes.c_void_p()
        rc = _code(self._h, ctypes.byref(st), _b(date), ctypes.byref(doc))
        try:
            if rc < 0:
                raise CurlewError(_s(_doc_errmsg(doc)) if doc else "out of memory")
            return _records(doc)
        finally:
            _doc_free(doc)

    def code(self, text, date=None, id=None, url=None, title=None, publisher=None):
        """Codes one story; returns its event records (a list of dicts).
        date ("YYYY-MM-DD") is used when the text's dateline gives none."""
        if not self._h:
            raise CurlewError("the coder is closed")
        raw = _b(text)
        st = _Story(id=_b(id or "story"), text=raw, len=len(raw), date=None, title=_b(title),
                    source=_b(publisher), url=_b(url), line=0, origin=b"python")
        return self._code_story(st, date)

    def code_file(self, path, date=None, input=None):
        """Iterates the records of every story in a file (txt, jsonl or html
        by its extension, or input=); a bad story raises CurlewError after
        the good ones before it."""
        fmts = {None: FMT_AUTO, "txt": 1, "jsonl": 2, "html": 3}
        f = _libc.fopen(_b(path), b"rb")
        if not f:
            raise CurlewError("%s: cannot open" % path)
        r = ctypes.c_void_p()
        try:
            if _reader_open(ctypes.byref(r), f, _b(path), fmts[input]) < 0:
                raise CurlewError("%s: cannot read" % path)
            while True:
                st = _Story()
                rc = _reader_next(r, ctypes.byref(st))
                if rc == _EOF:
                    return
                if rc < 0:
                    raise CurlewError(_s(_reader_errmsg(r)))
                for rec in self._code_story(st, date):
                    yield rec
        finally:
            _reader_free(r)
            _libc.fclose(f)


_default = None


def code(text, date=None, id=None, **provenance):
    """Codes one story with the default dictionaries (loaded on first use)."""
    global _default
    if _default is None:
        _default = Coder()
    return _default.code(text, date=date, id=id, **provenance)


# Columns read as numbers; everything else (codes above all) stays a string.
_INTS = {"sentence", "quad_class", "source_start", "source_end", "target_start", "target_end",
         "trigger_start", "trigger_end", "events", "stories", "sentences", "actors"}
_FLOATS = {"goldstein", "location_lat", "location_lon", "goldstein_sum", "goldstein_mean",
           "confidence"}


def _unescape(v):
    out, i = [], 0
    while i < len(v):
        if v[i] == "\\" and i + 1 < len(v):
            out.append({"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}.get(v[i + 1], v[i + 1]))
            i += 2
        else:
            out.append(v[i])
            i += 1
    return "".join(out)


def _value(col, v):
    if v == "":
        return None
    try:
        if col in _INTS:
            return int(v)
        if col in _FLOATS:
            return float(v)
    except ValueError:
        pass
    return v


def query(db, what="events", by=None, cls=None, dyad=True, one_a_day=False, start=None,
          end=None, match=None, limit=0):
    """Rows of an event store as dicts: what is "events" (every event, the
    columns of --format tsv), "counts", "goldstein", "summary" or "search"
    (match: the words); by, cls, dyad, one_a_day, start and end as the
    command line's --by, --class, --no-dyad, --one-a-day, --from, --to."""
    q = _Query()
    _query_init(ctypes.byref(q), QUERY_VERSION)
    for field, value in (("what", what), ("by", by), ("class", cls)):
        if value is not None and _query_set(ctypes.byref(q), _b(field), _b(value)) < 0:
            raise CurlewError(_s(_last_error()))
    q.dyad, q.one_a_day, q.tsv = int(bool(dyad)), int(bool(one_a_day)), 1
    q.from_, q.to, q.match, q.limit = _b(start), _b(end), _b(match), int(limit)
    if not os.path.exists(db) and "://" not in db:
        raise CurlewError("%s: no such store" % db)
    st = ctypes.c_void_p()
    if _store_open(ctypes.byref(st), _b(db), None) < 0:
        msg = _s(_store_errmsg(st)) if st else "out of memory"
        _store_close(st)
        raise CurlewError(msg)
    buf, size = ctypes.c_void_p(), _sz()
    m = _libc.open_memstream(ctypes.byref(buf), ctypes.byref(size))
    try:
        rc = _store_query(st, ctypes.byref(q), m)
        err = _s(_store_errmsg(st))
    finally:
        _libc.fclose(m)
        _store_close(st)
    text = ctypes.string_at(buf, size.value).decode("utf-8", "replace") if buf else ""
    _libc.free(buf)
    if rc < 0:
        raise CurlewError(err)
    lines = [l for l in text.split("\n") if l]
    if not lines:
        return []
    cols = lines[0].split("\t")
    return [{c: _value(c, _unescape(v)) for c, v in zip(cols, l.split("\t"))} for l in lines[1:]]


def version():
    """The library's version, "0.2.0"."""
    return _s(_version())
