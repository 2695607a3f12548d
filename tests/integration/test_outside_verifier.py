"""CERT-3: a verifier nobody here wrote accepts our credentials. Digital Bazaar's
`@digitalbazaar/vc` with its eddsa-rdfc-2022 and eddsa-jcs-2022 cryptosuites, from npm,
checks both proofs of a freshly issued certificate, and its status through our signed
Bitstring Status Lists, with a document loader that serves only the contexts we ship and
did:key documents (nothing from the network).

The npm packages are installed once into a cache folder (ANBAO_NPM_CACHE, default
~/.cache/anbao/npm-<pins>) with `npm install --prefix`; that first install needs the npm
registry and takes a few seconds. Skipped only when node or npm is missing; CI has both."""

import hashlib
import json
import os
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest

from servicekit import fieldcrypto, paging
from servicekit.jsonld_loader import VC_V2
from services.certificates import contexts, handlers
from services.certificates.adapters.keyring import KeyRing
from services.certificates.adapters.orm import metadata
from services.certificates.adapters.repository import CertificatesRepositories
from services.certificates.domain import commands as c
from tests.builders import assessment_passed
from tests.unit.memory import MemoryUnitOfWorks

from servicekit.auth import Caller

STATUS_BASE = "https://anbao.example"  # where the status lists would be served
PROVINCE = Caller("test", "province_admin")

PINS = {"@digitalbazaar/vc": "7.3.0", "@digitalbazaar/data-integrity": "2.5.0",
        "@digitalbazaar/eddsa-rdfc-2022-cryptosuite": "1.3.0",
        "@digitalbazaar/eddsa-jcs-2022-cryptosuite": "1.0.0"}
SCRIPT = Path(__file__).resolve().parent / "outside_verifier" / "verify.mjs"

pytestmark = pytest.mark.skipif(
    not (shutil.which("node") and shutil.which("npm")),
    reason="node and npm are needed to run Digital Bazaar's verifier (CI has them)")


@pytest.fixture(scope="module")
def verifier_dir() -> Path:
    tag = hashlib.sha256(json.dumps(PINS, sort_keys=True).encode()).hexdigest()[:12]
    folder = Path(os.environ.get("ANBAO_NPM_CACHE",
                                 Path.home() / ".cache" / "anbao" / f"npm-{tag}"))
    if not all((folder / "node_modules" / name / "package.json").exists() for name in PINS):
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", str(folder), "--no-audit", "--no-fund",
                        "--save-exact", *(f"{n}@{v}" for n, v in PINS.items())],
                       check=True, capture_output=True, timeout=300)
    shutil.copy(SCRIPT, folder / "verify.mjs")  # bare imports resolve from its node_modules
    return folder


def outside_verify(folder: Path, tmp_path: Path, issued: "Issued") -> dict:
    loader = contexts.loader()
    given = tmp_path / "input.json"
    given.write_text(json.dumps({"credential": issued.credential,
                                 "contexts": {url: loader.document(url) for url in loader.urls()},
                                 "statusLists": issued.status_lists()},
                                ensure_ascii=False), encoding="utf-8")
    done = subprocess.run(["node", str(folder / "verify.mjs"), str(given)], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


class Issued:
    """A certificate as certificates issues it now (Ed25519 profile, both proofs, status
    list entries), and the status lists as the service would serve them."""

    def __init__(self):
        self.uows = MemoryUnitOfWorks(metadata, CertificatesRepositories)
        keys = KeyRing(fieldcrypto.new_key(), timedelta(days=30))
        with self.uows.db.session() as session:
            keys.load(session)
        self.lists = handlers.StatusLists(keys, lambda: STATUS_BASE, 60)
        handlers.on_assessment_passed(self.uows(), assessment_passed(1),
                                      issuing=handlers.Issuing(keys, lambda: STATUS_BASE))
        (row,), _ = handlers.list_certificates(self.uows(), c.ListCertificates(
            PROVINCE, "", paging.Page()))
        self.number, self.credential = row.number, json.loads(row.credential_json)

    def status_lists(self) -> dict:
        served = {}
        for entry in self.credential["credentialStatus"]:
            purpose, number = entry["statusListCredential"].rsplit("/", 2)[-2:]
            served[entry["statusListCredential"]] = handlers.get_status_list(
                self.uows(), c.GetStatusList.parse(purpose=purpose, list_number=number),
                lists=self.lists).credential
        return served


@pytest.fixture
def issued() -> Issued:
    return Issued()


def test_cert3_digital_bazaar_verifies_both_proofs_of_a_fresh_certificate(
        verifier_dir, tmp_path, issued):
    assert issued.credential["@context"][0] == VC_V2
    result = outside_verify(verifier_dir, tmp_path, issued)
    assert result["verified"] is True, result  # includes validFrom <= now
    assert sorted((p["cryptosuite"], p["verified"]) for p in result["proofs"]) == [
        ("eddsa-jcs-2022", True), ("eddsa-rdfc-2022", True)]
    assert result["status"] == [{"purpose": "revocation", "set": False},
                                {"purpose": "suspension", "set": False}]


def test_cert3_digital_bazaar_reads_a_suspension_from_our_status_list(
        verifier_dir, tmp_path, issued):
    handlers.suspend_certificate(issued.uows(), c.SuspendCertificate.parse(
        PROVINCE, name=f"certificates/{issued.number}", reason="under investigation"))
    result = outside_verify(verifier_dir, tmp_path, issued)
    assert result["verified"] is False, result
    assert {"purpose": "suspension", "set": True} in result["status"]


def test_cert3_digital_bazaar_rejects_a_changed_certificate(verifier_dir, tmp_path, issued):
    issued.credential["credentialSubject"]["level"] = 1
    result = outside_verify(verifier_dir, tmp_path, issued)
    assert result["verified"] is False
    assert [p["verified"] for p in result["proofs"]] == [False, False]
