"""AIP resource names (`persons/{id}`): parsing with a field violation, never a crash."""

from .errors import Violations


def resource_id(value: str, collection: str, field: str, v: Violations) -> str:
    """`institutions/{id}` → id; a violation when the name has another shape."""
    rid = value.removeprefix(f"{collection}/")
    v.check(value.startswith(f"{collection}/") and 0 < len(rid) <= 32 and rid.isascii()
            and rid.isalnum(), field, f"must be {collection}/{{id}}")
    return rid


def require_id(value: str, collection: str, field: str = "name") -> str:
    """For requests that carry only a name: the ID, or INVALID_ARGUMENT at once."""
    v = Violations()
    rid = resource_id(value, collection, field, v)
    v.raise_if_any()
    return rid
