"""The embedded deployment's secrets under ./data/secrets, made once on first `anbao up`:
the token signing key pair and the services' data keys (0600, never logged)."""

import os
from pathlib import Path

from servicekit import auth, fieldcrypto

SERVICE_KEYS = ("ANBAO_REGISTRY_FIELD_KEY", "ANBAO_REGISTRY_BLIND_INDEX_KEY",
                "ANBAO_CERTIFICATES_KEY_ENCRYPTION_KEY")


def ensure(data_dir: Path) -> dict[str, str]:
    """Returns the services' key settings, creating any that are missing."""
    directory = data_dir / "secrets"
    auth.generate_keypair(directory)
    env_file = directory / "service-keys.env"
    values = {}
    if env_file.exists():
        for line in env_file.read_text().splitlines():
            name, _, value = line.partition("=")
            values[name] = value
    missing = [k for k in SERVICE_KEYS if k not in values]
    if missing:
        values.update({k: fieldcrypto.new_key() for k in missing})
        env_file.write_text("".join(f"{k}={v}\n" for k, v in values.items()))
        os.chmod(env_file, 0o600)
    return values


def issuer(data_dir: Path) -> auth.TokenIssuer:
    path = data_dir / "secrets" / "token_signing.pem"
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: run `make up` (anbao up) first")
    return auth.TokenIssuer(auth.load_private_key(path))
