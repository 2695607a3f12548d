"""RDF Dataset Canonicalization (RDFC-1.0) of JSON-LD documents, with a safe-mode check.

PyLD implements RDFC-1.0 under its earlier name URDNA2015 (the output is the same) but
has no "safe mode": expansion silently drops terms no context defines and resolves
relative IRIs against a made-up base, so a signature would not cover data the document shows. `expand_safely` refuses
such documents, as jsonld.js's `safeMode` does, before anything is canonicalised."""

import re
from typing import Any

from pyld import jsonld

from .jsonld_loader import OfflineLoader, UnknownDocument

_ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")


class UnsafeDocument(ValueError):
    """JSON-LD expansion would drop data or leave an IRI relative."""


def expand_safely(document: dict, loader: OfflineLoader) -> list:
    """The expanded document; raises UnsafeDocument when expansion loses anything."""
    try:
        # base None: PyLD would otherwise resolve relative IRIs against an example base
        expanded = jsonld.expand(document, loader.options(base=None))
    except jsonld.JsonLdError as exc:
        if isinstance(cause := _cause(exc), UnknownDocument):
            raise cause from None
        raise UnsafeDocument(f"JSON-LD expansion failed: {cause}") from exc
    given, kept = _input_values(document), _expanded_values(expanded)
    if given != kept:
        raise UnsafeDocument(f"expansion dropped {given - kept} of {given} values: "
                             "a term is not defined by the document's contexts")
    if relative := sorted(_relative_iris(expanded)):
        raise UnsafeDocument(f"relative IRIs after expansion: {', '.join(relative)}")
    return expanded


def canonical_nquads(document: dict, loader: OfflineLoader) -> str:
    """RDFC-1.0 canonical N-Quads of a document that expands safely."""
    expanded = expand_safely(document, loader)
    return jsonld.normalize(expanded, loader.options(algorithm="URDNA2015",
                                                     format="application/n-quads"))


def _cause(exc: BaseException) -> BaseException:
    while exc.__cause__ is not None or getattr(exc, "cause", None) is not None:
        exc = exc.__cause__ or exc.cause
    return exc


def _input_values(node: Any) -> int:
    """Scalars in the compacted document, outside its @context entries."""
    if isinstance(node, dict):
        return sum(_input_values(v) for k, v in node.items() if k != "@context")
    if isinstance(node, list):
        return sum(_input_values(v) for v in node)
    return 0 if node is None else 1


def _expanded_values(node: Any) -> int:
    """The same scalars after expansion: each became an @value, an @id or a node @type."""
    if isinstance(node, list):
        return sum(_expanded_values(v) for v in node)
    if not isinstance(node, dict):
        return 0
    if "@value" in node:
        return 1
    count = 1 if "@id" in node else 0
    for key, value in node.items():
        if key == "@type":
            count += len(value) if isinstance(value, list) else 1
        elif key != "@id":
            count += _expanded_values(value)
    return count


def _relative_iris(node: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(node, list):
        for v in node:
            found |= _relative_iris(v)
    elif isinstance(node, dict):
        value_object = "@value" in node
        for key, value in node.items():
            if not key.startswith("@") and not _ABSOLUTE_IRI.match(key):
                found.add(key)
            if key == "@id" or (key == "@type" and not value_object):
                found |= {i for i in (value if isinstance(value, list) else [value])
                          if not (i.startswith("_:") or _ABSOLUTE_IRI.match(i))}
            elif key != "@type":
                found |= _relative_iris(value)
    return found
