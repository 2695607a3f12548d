"""Fast canonical forms for many credentials of one shape, for building the benchmark's
dataset only (never the services, never the issuance being measured).

Signing a certificate with the project's code costs ~22 ms, nearly all of it PyLD's
RDFC-1.0 canonicalisation; a million of them would take six hours of one core. But the
credentials differ only in a few string values (number, name, dates, status positions),
and RDFC-1.0 of a document without blank nodes is its sorted N-Quads lines; JCS is its
key-sorted JSON. So per *shape* (the document's structure and constant values) the real
canonicaliser runs once on a copy whose varying values carry a marker; after that a
document's canonical form is that output with its own values put in place of the markers
(and, for N-Quads, the lines sorted again).

It is checked, not trusted: the first document of every shape and every `check_every`-th
document are also canonicalised by the real code and must give the same bytes, or the
build stops. Values that would need escaping, and shapes with more than one blank node,
take the real path. The proofs are then made by the project's own signing code
(`KeyRing.sign` → `dataintegrity.sign_set`), with the same keys and hashes."""

import re
from contextlib import contextmanager

from servicekit import dataintegrity as di

# the fields that differ between credentials; everything else is part of the shape
VARYING = frozenset({"id", "validFrom", "name", "residentIdMasked", "certificateNumber",
                     "issueDate", "statusListIndex", "statusListCredential", "created",
                     "evaluationOrganisation", "evaluationInstitution"})
_UNSAFE = re.compile(r'[\x00-\x20"\\<>{}|^`~\x7f]')
_BLANK = re.compile(r"_:c14n\d+")


class Mismatch(AssertionError):
    """The template gave other bytes than the real canonicaliser."""


def _walk(value, slots: list, key: str | None = None):
    """(shape key, the value with markers) — appends each varying value to `slots`."""
    if isinstance(value, dict):
        parts, marked = [], {}
        for k, v in value.items():
            shape, marked[k] = _walk(v, slots, k)
            parts.append((k, shape))
        return ("d", tuple(parts)), marked
    if isinstance(value, list):
        pairs = [_walk(v, slots, key) for v in value]
        return ("l", tuple(p[0] for p in pairs)), [p[1] for p in pairs]
    if isinstance(value, str) and key in VARYING:
        slots.append(value)
        return "s", f"{value}~{len(slots) - 1}~bench~"
    return ("c", type(value).__name__, value), value


class _Template:
    def __init__(self, text: str, prototype: list[str], sort_lines: bool):
        for k, value in enumerate(prototype):
            text = text.replace(f"{value}~{k}~bench~", f"\x00{k}\x00")
        self.pieces = text.split("\x00")
        self.sort_lines = sort_lines

    def fill(self, values: list[str]) -> bytes:
        out = list(self.pieces)
        for i in range(1, len(out), 2):
            out[i] = values[int(out[i])]
        text = "".join(out)
        if self.sort_lines:
            text = "".join(sorted(text.splitlines(keepends=True)))
        return text.encode()


class CanonicalCache:
    def __init__(self, check_every: int = 256):
        self.check_every = check_every
        self.calls = self.checked = self.real = 0
        self._templates: dict = {}
        self._original = di.Cryptosuite.canonical

    def canonical(self, suite: di.Cryptosuite, value: dict, loader) -> bytes:
        self.calls += 1
        slots: list[str] = []
        shape, marked = _walk(value, slots)
        if any(_UNSAFE.search(s) for s in slots):
            self.real += 1
            return self._original(suite, value, loader)
        key = (suite.rdf, shape)
        template = self._templates.get(key)
        fresh = template is None
        if fresh:
            text = self._original(suite, marked, loader).decode()
            # only a document with at most one blank node keeps its labels, and so the
            # order of its lines, whatever the values
            if suite.rdf and len(set(_BLANK.findall(text))) > 1:
                self._templates[key] = template = False
            else:
                self._templates[key] = template = _Template(text, slots, suite.rdf)
        if template is False:
            self.real += 1
            return self._original(suite, value, loader)
        out = template.fill(slots)
        if fresh or self.calls % self.check_every == 0:
            self.checked += 1
            real = self._original(suite, value, loader)
            if real != out:
                raise Mismatch(f"template canonical form differs from the real one "
                               f"({suite.name})")
        return out

    @contextmanager
    def installed(self):
        """Routes `dataintegrity`'s canonicalisation through this cache meanwhile."""
        cache = self

        def canonical(suite, value, loader):
            return cache.canonical(suite, value, loader)

        di.Cryptosuite.canonical = canonical
        try:
            yield self
        finally:
            di.Cryptosuite.canonical = self._original
