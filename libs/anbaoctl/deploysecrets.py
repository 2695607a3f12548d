"""`anbao deploy-secrets`: what `deploy/` mounts, from the same secrets `anbao up` keeps
(keys, NKey seeds, the token key pair) and the certificates `anbao certs` makes.

For each service: `<out>/<service>.env` (its keys, the event keys it trusts, its database
URL and the service tokens of the services it calls; the `anbao-<service>-keys` Secret)
and `<out>/<service>/` (NKey seed, TLS certificate and key, CA, token public key and
revocation list; the `anbao-<service>-files` Secret). `<out>/nats/`: the broker's
certificate, key, CA and the bus users (`auth.conf`). Every file is 0600."""

import json
from pathlib import Path

from servicekit import natsauth, tokens
from services import manifest

from . import certs, natsserver, secrets


def write(data_dir: Path, out: Path, database_url: str) -> list[Path]:
    """`database_url` names `{service}` where each service's database name goes."""
    keys = secrets.ensure(data_dir)
    secrets.ensure_credentials(data_dir)
    bus = secrets.bus_settings(data_dir, keys)
    issuer = secrets.issuer(data_dir)
    written = []
    for service in manifest.SERVICES:
        files = out / service.name
        issued = certs.issue(data_dir / "certs", service.name)
        _copy(secrets.credentials_file(data_dir, service.name), files / "nats.nk")
        _copy(issued.cert_file, files / "tls.pem")
        _copy(issued.key_file, files / "tls.key")
        _copy(issued.ca_file, files / "ca.pem")
        _copy(data_dir / "secrets" / "token_public.pem", files / "token_public.pem")
        revoked = secrets.revocation_file(data_dir)
        natsauth.write_secret(files / "revoked_tokens",
                              revoked.read_text() if revoked.exists() else "")
        values = {name: value for name, value in keys.items()
                  if name.startswith(service.env(""))}
        settings = {"database_url": database_url.format(service=service.name),
                    "event_trusted_keys": json.dumps(bus[service.name]["event_trusted_keys"])}
        # the callees' addresses are the deployment's (deploy/); only their tokens are secret
        settings.update({f"{callee}_token": issuer.mint(
            service.name, "service", ttl_seconds=tokens.MAX_TTL["service"])
            for callee in service.calls})
        values.update({service.env(name): value for name, value in settings.items()})
        env_file = out / f"{service.name}.env"
        natsauth.write_secret(env_file, "".join(f"{k}={v}\n" for k, v in values.items()))
        written += [env_file, files]
    broker = out / "nats"
    issued = certs.issue(data_dir / "certs", "nats")
    for source, name in ((issued.cert_file, "nats.pem"), (issued.key_file, "nats.key"),
                         (issued.ca_file, "ca.pem")):
        _copy(source, broker / name)
    natsserver.write_authorization(data_dir, broker / "auth.conf")
    return [*written, broker]


def _copy(source: Path, target: Path) -> None:
    natsauth.write_secret(target, source.read_text())
