"""The evidence media on disk, content-addressed: a file's name is the SHA-256 of its
bytes (`ab/cd/abcd…`), so a photo uploaded twice is stored once and a file that was
changed no longer matches its name. An upload is written to a temporary file in the
store while it is hashed, refused as soon as it passes the size limit (the partial file
removed, so an oversized upload never fills the disk) or when its first bytes are not
the type it declared, and moved into place only when complete."""

import hashlib
import os
import tempfile
from pathlib import Path
from typing import AsyncIterator

from servicekit.errors import FieldViolation, InvalidArgument

# the first bytes of each accepted media type
_MAGIC = {
    "image/jpeg": lambda head: head.startswith(b"\xff\xd8\xff"),
    "image/png": lambda head: head.startswith(b"\x89PNG\r\n\x1a\n"),
    "video/mp4": lambda head: head[4:8] == b"ftyp",
}
MEDIA_TYPES = frozenset(_MAGIC)
_HEAD = 12


class MediaStore:
    def __init__(self, root: Path, max_bytes: int):
        self.root, self.max_bytes = Path(root), max_bytes

    def path_of(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def has(self, sha256: str) -> bool:
        return self.path_of(sha256).is_file()

    def remove(self, sha256: str) -> None:
        """After TRN-7's retention, once no evidence item holds the bytes."""
        self.path_of(sha256).unlink(missing_ok=True)

    async def write(self, chunks: AsyncIterator[bytes], media_type: str) -> tuple[str, int]:
        """(hex SHA-256, size) of the stored bytes; InvalidArgument for an empty, oversized
        or mistyped upload, with nothing left behind."""
        (self.root / "incoming").mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=self.root / "incoming")
        digest, size, head = hashlib.sha256(), 0, b""
        try:
            with os.fdopen(fd, "wb") as out:
                async for chunk in chunks:
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise InvalidArgument([FieldViolation(
                            "chunk", f"the upload passes the limit of {self.max_bytes} bytes")])
                    if len(head) < _HEAD:
                        head = (head + chunk)[:_HEAD]
                    digest.update(chunk)
                    out.write(chunk)
            if size == 0:
                raise InvalidArgument([FieldViolation("chunk", "the upload has no bytes")])
            if not _MAGIC[media_type](head):
                raise InvalidArgument([FieldViolation(
                    "metadata.media_type", f"the bytes are not {media_type}")])
            sha256 = digest.hexdigest()
            final = self.path_of(sha256)
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(temporary, final)
            return sha256, size
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
