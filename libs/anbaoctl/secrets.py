"""The embedded deployment's secrets under ./data/secrets, made once on first `anbao up`:
the token signing key pair, the services' data keys and event signing keys, and an NKey
seed per identity on the event bus (0600, never logged)."""

from pathlib import Path

from servicekit import eventsigning, fieldcrypto, natsauth, tokens
from services import manifest

SIGNING_KEY = "event_signing_key"


def service_keys() -> list[str]:
    """The environment variables of every key the manifest's services need."""
    return [s.env(secret) for s in manifest.SERVICES for secret in (*s.secrets, SIGNING_KEY)]


def ensure(data_dir: Path) -> dict[str, str]:
    """Returns the services' key settings, creating any that are missing."""
    directory = data_dir / "secrets"
    tokens.generate_keypair(directory)
    env_file = directory / "service-keys.env"
    values = {}
    if env_file.exists():
        for line in env_file.read_text().splitlines():
            name, _, value = line.partition("=")
            values[name] = value
    missing = [k for k in service_keys() if k not in values]
    if missing:
        # an Ed25519 private key is any 32 bytes, so one generator makes every key
        values.update({k: fieldcrypto.new_key() for k in missing})
        natsauth.write_secret(env_file, "".join(f"{k}={v}\n" for k, v in values.items()))
    return values


def read_service_keys(data_dir: Path) -> dict[str, str]:
    """The services' key settings `ensure` made, read only (FileNotFoundError if none)."""
    values = {}
    for line in (data_dir / "secrets" / "service-keys.env").read_text().splitlines():
        name, _, value = line.partition("=")
        values[name] = value
    return values


def credentials_file(data_dir: Path, identity: str) -> Path:
    return data_dir / "secrets" / "nats" / f"{identity}.nk"


def ensure_credentials(data_dir: Path) -> dict[str, str]:
    """Every bus identity's NKey seed file (made when missing) → its public NKey."""
    public = {}
    for identity in (*manifest.NAMES, natsauth.ADMIN):
        path = credentials_file(data_dir, identity)
        if not path.exists():
            natsauth.write_secret(path, natsauth.new_seed() + "\n")
        public[identity] = natsauth.public_nkey(path.read_text().strip())
    return public


def producers(service: manifest.Service) -> dict[str, manifest.Service]:
    """The proto packages it consumes → the service that publishes each."""
    by_module = {module: s for s in manifest.SERVICES for module in s.publishes}
    return {_package(module): by_module[module] for module in service.consumes}


def _package(events_module: str) -> str:
    return events_module.rsplit(".", 1)[0]


def bus_settings(data_dir: Path, keys: dict[str, str]) -> dict[str, dict]:
    """Per service: its NKey seed file, and the producers' public event keys it trusts
    (`keys` holds the signing keys, as `ensure` returns them)."""
    settings = {}
    for service in manifest.SERVICES:
        trusted = {package: [eventsigning.public_key(keys[producer.env(SIGNING_KEY)])]
                   for package, producer in producers(service).items()}
        settings[service.name] = {
            "nats_credentials_file": str(credentials_file(data_dir, service.name)),
            "event_trusted_keys": trusted}
    return settings


def issuer(data_dir: Path) -> tokens.TokenIssuer:
    """Mints tokens for every service of the manifest unless told an audience."""
    path = data_dir / "secrets" / "token_signing.pem"
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: run `make up` (anbao up) first")
    return tokens.TokenIssuer(tokens.load_private_key(path), audience=manifest.NAMES)


def revocation_file(data_dir: Path) -> Path:
    return data_dir / "secrets" / "revoked_tokens"
