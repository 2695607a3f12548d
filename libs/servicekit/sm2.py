"""SM2 signatures with SM3 (GB/T 32918.2, GB/T 35276): the 国密 signing profile.

The arithmetic is gmalg's (pure Python, no native library to ship); SM3 is OpenSSL's
through `cryptography`. The signer ID is the standard default, `1234567812345678`, so
`openssl pkeyutl -sigopt distid:1234567812345678` and other 国密 tools agree with us
(tests/unit/test_sm2.py checks both directions against the openssl command).
A signature is r‖s, 32 bytes each (the raw form the Data Integrity ECDSA suites use)."""

from dataclasses import dataclass

import gmalg
from cryptography.hazmat.primitives import hashes

SIGNER_ID = b"1234567812345678"
ALGORITHM = "SM2"
_SIZE = 32


def sm3(data: bytes) -> bytes:
    digest = hashes.Hash(hashes.SM3())
    digest.update(data)
    return digest.finalize()


@dataclass(frozen=True)
class Sm2PublicKey:
    point: bytes  # SEC1 compressed, 33 bytes

    algorithm = ALGORITHM

    @classmethod
    def from_bytes(cls, encoded: bytes) -> "Sm2PublicKey":
        """From SEC1 bytes, compressed or not; raises ValueError off the curve."""
        if len(encoded) not in (33, 65):
            raise ValueError("an SM2 public key is 33 (compressed) or 65 bytes")
        engine = gmalg.SM2(pc_mode=gmalg.PC_MODE.COMPRESS)
        try:
            if not engine.verify_pk(encoded):
                raise ValueError("not a point on the SM2 curve")
            point = gmalg.sm2.point_to_bytes(gmalg.sm2.bytes_to_point(encoded),
                                             gmalg.PC_MODE.COMPRESS)
        except (gmalg.errors.GMError, IndexError) as exc:
            raise ValueError(f"not an SM2 public key: {exc}") from exc
        return cls(point)

    def uncompressed(self) -> bytes:
        return gmalg.sm2.point_to_bytes(gmalg.sm2.bytes_to_point(self.point), gmalg.PC_MODE.RAW)

    def verify(self, signature: bytes, data: bytes) -> bool:
        if len(signature) != 2 * _SIZE:
            return False
        return gmalg.SM2(uid=SIGNER_ID, pk=self.point).verify(
            data, signature[:_SIZE], signature[_SIZE:])


class Sm2PrivateKey:
    algorithm = ALGORITHM

    def __init__(self, secret: bytes):
        if len(secret) != _SIZE:
            raise ValueError("an SM2 private key is 32 bytes")
        self._secret = secret
        self._public = Sm2PublicKey(
            gmalg.SM2(pc_mode=gmalg.PC_MODE.COMPRESS).generate_pk(secret))

    @classmethod
    def generate(cls) -> "Sm2PrivateKey":
        secret, _ = gmalg.SM2().generate_keypair()
        return cls(secret.rjust(_SIZE, b"\0"))

    def secret_bytes(self) -> bytes:
        return self._secret

    def public_key(self) -> Sm2PublicKey:
        return self._public

    def sign(self, data: bytes) -> bytes:
        r, s = gmalg.SM2(self._secret, SIGNER_ID, self._public.point).sign(data)
        return r.rjust(_SIZE, b"\0") + s.rjust(_SIZE, b"\0")
