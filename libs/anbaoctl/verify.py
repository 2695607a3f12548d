"""`anbao verify FILE`: checks an exported certificate credential offline."""

import json
from pathlib import Path

from servicekit import dataintegrity


def verify_file(path: Path, trusted_keys: set[str] | None = None) -> tuple[bool, str, dict]:
    """(verified, reason, credential). With `trusted_keys`, the proof's key must be one of
    them (the issuer's published keys); without, any valid did:key proof verifies."""
    try:
        credential = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return False, f"cannot read a JSON credential: {exc}", {}
    result = dataintegrity.verify(credential)
    if result.verified and trusted_keys is not None \
            and result.verification_method not in trusted_keys:
        return False, "signed by a key the issuer does not publish", credential
    return result.verified, result.reason, credential
