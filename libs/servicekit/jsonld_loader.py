"""Offline JSON-LD document loading. Contexts come from files shipped in the packages,
never from the network: a context fetched at verification time could change what a
signed credential means, and a verifier must work with no connection at all."""

import copy
import json
from importlib.resources import files
from typing import Any

from cachetools import LRUCache
from pyld.context_resolver import ContextResolver

VC_V2 = "https://www.w3.org/ns/credentials/v2"


class UnknownDocument(ValueError):
    """A document or context the loader does not ship; it is never fetched."""


def shipped(package: str, resource: str) -> dict:
    """A JSON-LD document shipped as package data."""
    return json.loads(files(package).joinpath(resource).read_text(encoding="utf-8"))


class OfflineLoader:
    """A PyLD document loader over a fixed set of documents: the VC 2.0 context (which
    also defines DataIntegrityProof and BitstringStatusListEntry) plus any given."""

    def __init__(self, documents: dict[str, dict] | None = None):
        self._documents = {VC_V2: shipped("servicekit", "data/contexts/credentials-v2.jsonld"),
                           **(documents or {})}
        # contexts processed once, for this loader alone (PyLD's default cache is global,
        # which would let one loader's documents answer for another's); bounded, since
        # a document being verified may bring inline contexts of its own
        self._processed = LRUCache(maxsize=256)

    def options(self, **more: Any) -> dict:
        """PyLD options that load through this loader and reuse its processed contexts."""
        return {"documentLoader": self, "contextResolver": ContextResolver(self._processed, self),
                **more}

    def with_documents(self, documents: dict[str, dict]) -> "OfflineLoader":
        return OfflineLoader({**self._documents, **documents})

    def urls(self) -> list[str]:
        return list(self._documents)

    def document(self, url: str) -> dict:
        try:
            return self._documents[url]
        except KeyError:
            raise UnknownDocument(f"{url} is not a shipped JSON-LD document") from None

    def __call__(self, url: str, options: Any = None) -> dict:
        # a copy: PyLD must not be able to change the shipped document for the next caller.
        # "static": the documents never change, so a processed context is kept (`options`)
        return {"contextUrl": None, "documentUrl": url, "tag": "static",
                "document": copy.deepcopy(self.document(url))}
