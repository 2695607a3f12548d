"""`anbao certs`: a development certificate authority and a certificate per identity under
./data/certs, for the production profile's TLS on NATS and mTLS on gRPC on one machine.

Each identity (every service of the manifest, `nats` for the broker, `admin` for the CLI)
gets one ECDSA P-256 key and one certificate that serves as both server and client
certificate (its name, `localhost` and 127.0.0.1 as SANs). A real deployment takes its
certificates from its own CA; the settings only name files (`tls_cert_file`,
`tls_key_file`, `tls_ca_file`, `nats_tls_…`), so nothing else changes."""

import datetime
import ipaddress
from dataclasses import dataclass
from pathlib import Path

import typer
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from servicekit import natsauth
from services import manifest

CA = "ca"


@dataclass(frozen=True)
class Issued:
    cert_file: Path
    key_file: Path
    ca_file: Path


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "anbao development"),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _write(directory: Path, name: str, key, certificate: x509.Certificate) -> None:
    natsauth.write_secret(directory / f"{name}.key", key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()).decode())
    (directory / f"{name}.pem").write_bytes(certificate.public_bytes(serialization.Encoding.PEM))


def _authority(directory: Path, days: int):
    key_file, cert_file = directory / f"{CA}.key", directory / f"{CA}.pem"
    if key_file.exists() and cert_file.exists():
        return (serialization.load_pem_private_key(key_file.read_bytes(), None),
                x509.load_pem_x509_certificate(cert_file.read_bytes()))
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (x509.CertificateBuilder()
                   .subject_name(_name("anbao development CA"))
                   .issuer_name(_name("anbao development CA"))
                   .public_key(key.public_key()).serial_number(x509.random_serial_number())
                   .not_valid_before(now - datetime.timedelta(minutes=5))
                   .not_valid_after(now + datetime.timedelta(days=days))
                   .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
                   .add_extension(x509.KeyUsage(
                       digital_signature=False, content_commitment=False, key_encipherment=False,
                       data_encipherment=False, key_agreement=False, key_cert_sign=True,
                       crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
                   .sign(key, hashes.SHA256()))
    _write(directory, CA, key, certificate)
    return key, certificate


def issue(directory: Path, identity: str, days: int = 825) -> Issued:
    """The identity's certificate and key (made, with the CA, when missing)."""
    directory.mkdir(parents=True, exist_ok=True)
    ca_key, ca_certificate = _authority(directory, days)
    cert_file, key_file = directory / f"{identity}.pem", directory / f"{identity}.key"
    if not (cert_file.exists() and key_file.exists()):
        key = ec.generate_private_key(ec.SECP256R1())
        now = datetime.datetime.now(datetime.timezone.utc)
        certificate = (
            x509.CertificateBuilder()
            .subject_name(_name(identity)).issuer_name(ca_certificate.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(days=days))
            .add_extension(x509.SubjectAlternativeName([
                *(x509.DNSName(name) for name in _host_names(identity)),
                x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH,
                                                  ExtendedKeyUsageOID.CLIENT_AUTH]),
                           critical=False)
            .sign(ca_key, hashes.SHA256()))
        _write(directory, identity, key, certificate)
    return Issued(cert_file, key_file, directory / f"{CA}.pem")


def _host_names(identity: str) -> list[str]:
    """Where the identity is reached: loopback (`anbao up`), and the host names deploy/
    gives it (compose service names, Kubernetes Services and the broker's pods)."""
    names = [identity, "localhost"]
    if identity in manifest.NAMES:
        names.append(f"anbao-{identity}")
    if identity == "nats":
        names += ["nats-1", "nats-2", "nats-3", "*.nats-cluster"]
    return names


def identities() -> list[str]:
    return [*manifest.NAMES, "nats", natsauth.ADMIN]


def certs(data: Path = typer.Option(Path("data"), help="certificates go to DATA/certs"),
          days: int = typer.Option(825, help="validity of new certificates")):
    """Make a development CA and a certificate per service, broker and admin (TLS on NATS,
    mTLS on gRPC); existing ones are kept."""
    directory = data / "certs"
    for identity in identities():
        issued = issue(directory, identity, days)
        typer.echo(f"{identity:<15}{issued.cert_file}  {issued.key_file}")
    typer.echo(f"{'CA':<15}{directory / (CA + '.pem')}")
