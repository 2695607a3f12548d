"""The event bus as a trust boundary: who may connect to NATS, and what each may do.

Every connection authenticates with an NKey: the server holds each identity's public key
(`U…`), the client proves it holds the seed by signing the server's nonce; no password
crosses the wire or sits in the server's configuration. The identities are the services
of the manifest plus `admin` (the operator's CLI, `anbao events`).

All identities are users of one account, with per-user permissions, rather than one
account per service: the services share streams (accreditation's stream is consumed by
certificates), and across accounts every stream and consumer would need an export and an
import, which is more configuration with more room for mistakes and no gain here. What
the permissions allow a service (everything else is denied):

- publish its own proto packages' events (`anbao.<svc>.v1.>`), and dead letters under
  `anbao.deadletter.<svc>.>`;
- create and update its own streams (`ANBAO_<SVC>_V1`), and create the dead-letter stream;
- for each event type of each package it consumes: create (with exactly that filter
  subject), look up and pull from its own durable consumer `<svc>__<Event>`, and ack its
  messages (`$JS.ACK.<stream>.<durable>.>`);
- receive replies only under its own inbox prefix (`_INBOX_<svc>.>`), so it cannot read
  what is delivered to another service's pulls.

JetStream permissions are on API subjects, not request bodies: a service could still
create its own stream with odd settings. That is what signed events (`eventsigning`)
are for: nothing a service publishes under another's name is applied.
"""

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import nkeys

from . import deadletters

ADMIN = "admin"
JS_API = "$JS.API"


def inbox_prefix(identity: str) -> str:
    return f"_INBOX_{identity}"


def stream_name(package: str) -> str:
    """Events of `anbao.certificates.v1` go to the stream `ANBAO_CERTIFICATES_V1`."""
    return package.replace(".", "_").upper()


def durable_name(service: str, event_name: str) -> str:
    """The durable consumer of `service` for one event type (`certificates__AssessmentPassed`)."""
    return f"{service}__{event_name}"


@dataclass(frozen=True)
class BusUser:
    name: str
    # proto packages it publishes
    publishes: tuple[str, ...] = ()
    # full names of the event types it consumes (`anbao.accreditation.v1.AssessmentPassed`)
    consumes: tuple[str, ...] = ()


def permissions(user: BusUser) -> dict:
    publish = [f"{p}.>" for p in user.publishes]
    for package in user.publishes:
        stream = stream_name(package)
        publish += [f"{JS_API}.STREAM.CREATE.{stream}", f"{JS_API}.STREAM.UPDATE.{stream}"]
    if user.consumes:
        publish += [f"{deadletters.SUBJECT_PREFIX}{user.name}.>",
                    f"{JS_API}.STREAM.CREATE.{deadletters.STREAM}"]
    for subject in user.consumes:
        package, _, event = subject.rpartition(".")
        stream, durable = stream_name(package), durable_name(user.name, event)
        publish += [f"{JS_API}.CONSUMER.CREATE.{stream}.{durable}.{subject}",
                    f"{JS_API}.CONSUMER.INFO.{stream}.{durable}",
                    f"{JS_API}.CONSUMER.MSG.NEXT.{stream}.{durable}",
                    f"$JS.ACK.{stream}.{durable}.>"]
    return {"publish": {"allow": publish},
            "subscribe": {"allow": [f"{inbox_prefix(user.name)}.>"]}}


def new_seed() -> str:
    """A fresh user NKey seed (`SU…`)."""
    return nkeys.encode_seed(os.urandom(32), nkeys.PREFIX_BYTE_USER).decode()


def public_nkey(seed: str) -> str:
    return nkeys.from_seed(seed.encode()).public_key.decode()


def write_secret(path: Path, text: str) -> None:
    """Creates `path` readable by its owner only, before a byte of the secret is in it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as out:
        out.write(text)
    os.chmod(path, 0o600)


@dataclass(frozen=True)
class ServerTLS:
    cert_file: Path
    key_file: Path
    ca_file: Path  # clients must present a certificate this CA signed


@dataclass
class ServerConfig:
    """A nats-server configuration: JetStream on a file store, the users' NKeys with
    their permissions (None: everything, for `admin`), TLS when given."""

    store_dir: Path
    users: dict[str, dict | None] = field(default_factory=dict)  # public NKey → permissions
    tls: ServerTLS | None = None

    def authorization(self) -> dict:
        users = [{"nkey": nkey, **({"permissions": p} if p is not None else {})}
                 for nkey, p in self.users.items()]
        return {"authorization": {"users": users, "timeout": 2}}

    def text(self) -> str:
        config: dict = {"jetstream": {"store_dir": str(self.store_dir)}, **self.authorization()}
        if self.tls:
            config["tls"] = {"cert_file": str(self.tls.cert_file),
                             "key_file": str(self.tls.key_file),
                             "ca_file": str(self.tls.ca_file), "verify": True, "timeout": 2}
        # JSON is a valid NATS configuration, and quotes `$JS…` so it is not a variable
        return json.dumps(config, indent=2) + "\n"


def connect_options(identity: str, credentials_file: Path | None,
                    tls_ca_file: Path | None = None, tls_cert_file: Path | None = None,
                    tls_key_file: Path | None = None) -> dict:
    """The nats.connect keyword arguments for an identity: its NKey seed file, its inbox
    prefix and, when the server speaks TLS, the CA and the client certificate."""
    options: dict = {"inbox_prefix": inbox_prefix(identity)}
    if credentials_file is not None:
        options["nkeys_seed"] = str(credentials_file)
    if tls_ca_file is not None:
        import ssl

        context = ssl.create_default_context(cafile=str(tls_ca_file))
        if tls_cert_file is not None:
            context.load_cert_chain(str(tls_cert_file), str(tls_key_file))
        options["tls"] = context
    return options
