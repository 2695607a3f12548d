"""Our JSON-LD context: every term of our credentials, defined under one base IRI.

`v1.jsonld` is shipped as package data and served by the public HTTP service at the
configured URL. The base of the terms is configurable; the document names it once, as
the `anbao` prefix, so a deployment's document differs from the shipped one in that
entry only. Status entries (`credentialStatus`, `BitstringStatusListEntry`) are defined
by the VC 2.0 context and need nothing here."""

from servicekit.jsonld_loader import OfflineLoader, shipped

DEFAULT_URL = "https://anbao.example.gov.cn/contexts/v1"
DEFAULT_BASE = "https://anbao.example.gov.cn/ns/v1#"


def document(base: str = DEFAULT_BASE) -> dict:
    """The context document with its terms under `base`."""
    doc = shipped("services.certificates", "contexts/v1.jsonld")
    doc["@context"]["anbao"] = base
    return doc


def loader(url: str = DEFAULT_URL, base: str = DEFAULT_BASE) -> OfflineLoader:
    """The offline loader for our credentials: the VC 2.0 context and ours."""
    return OfflineLoader({url: document(base)})
