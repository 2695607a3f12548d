"""POOL-5: the data keys rotate without downtime. 10,000 people sealed under key version 1
are re-encrypted under version 2 by `anbao registry rotate-keys`, a real process killed
(SIGKILL) midway and run again; every person ends readable and findable by resident ID
under the new keys alone, none lost, none re-sealed twice. Meanwhile the service's reads
accept both versions."""

import json
import os
import signal
import subprocess
import sys
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import func, insert, select

from servicekit import fieldcrypto, masking, migrations
from servicekit.db import Database
from servicekit.fieldcrypto import BlindIndexes, FieldCipher
from servicekit.resident_id import make_resident_id
from services.registry.adapters import keyrotation
from services.registry.adapters.orm import KeyRotationRow, PersonRow, metadata
from services.registry.adapters.repository import People, Protector

PEOPLE = 10_000
BATCH = 250
OLD = {"field": fieldcrypto.new_key(), "index": fieldcrypto.new_key()}
NEW = {"field": fieldcrypto.new_key(), "index": fieldcrypto.new_key()}


def _people() -> list[tuple[str, str, str]]:
    """(id, resident ID, phone) for PEOPLE distinct people."""
    start = date(1950, 1, 1)
    return [(f"p{i:08d}", make_resident_id("220102", start + timedelta(days=i), 1 + i % 2),
             f"139{i:08d}") for i in range(PEOPLE)]


def _seed(db: Database, people) -> None:
    """Registered under key version 1, as a service running before the rotation would."""
    old = Protector(FieldCipher({1: OLD["field"]}, 1), BlindIndexes({1: OLD["index"]}, 1))
    now = datetime.now(timezone.utc)
    rows = [{"id": pid, "full_name": "张伟", "resident_id_index": old.index.of(rid),
             "resident_id_cipher": old.cipher.encrypt(rid, "person.resident_id"),
             "resident_id_masked": masking.mask_resident_id(rid), "gender": 1,
             "phone_cipher": old.cipher.encrypt(phone, "person.phone"),
             "phone_masked": masking.mask_phone(phone), "region_code": "220102",
             "created_at": now, "field_key_id": 1, "index_key_id": 1}
            for pid, rid, phone in people]
    with db.session() as session, session.begin():
        for i in range(0, len(rows), 1000):
            session.execute(insert(PersonRow), rows[i:i + 1000])


def _job_env(url: str) -> dict[str, str]:
    """The registry's settings after `anbao registry new-key-version`: version 2 current,
    version 1 retired."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ANBAO_REGISTRY_")}
    env.update({
        "ANBAO_REGISTRY_DATABASE_URL": url,
        "ANBAO_REGISTRY_FIELD_KEY": NEW["field"], "ANBAO_REGISTRY_FIELD_KEY_ID": "2",
        "ANBAO_REGISTRY_RETIRED_FIELD_KEYS": json.dumps({"1": OLD["field"]}),
        "ANBAO_REGISTRY_BLIND_INDEX_KEY": NEW["index"], "ANBAO_REGISTRY_BLIND_INDEX_KEY_ID": "2",
        "ANBAO_REGISTRY_RETIRED_BLIND_INDEX_KEYS": json.dumps({"1": OLD["index"]}),
        "ANBAO_REGISTRY_EVENT_SIGNING_KEY": fieldcrypto.new_key(),
        "ANBAO_REGISTRY_AUDIT_KEY": fieldcrypto.new_key()})
    return env


def _job(url: str, data: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [Path(sys.executable).parent / "anbao", "registry", "rotate-keys", "--data", str(data),
         "--batch-size", str(BATCH), "--pause", "0.05", "--plain"],
        env=_job_env(url), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _rotating() -> Protector:
    """What the service holds during the rotation: both versions, version 2 current."""
    return Protector(FieldCipher({1: OLD["field"], 2: NEW["field"]}, 2),
                     BlindIndexes({1: OLD["index"], 2: NEW["index"]}, 2))


def test_pool5_key_rotation_of_10000_people_survives_a_kill_midway(db_urls, tmp_path):
    url = db_urls["registry"]
    migrations.upgrade(url, migrations.script_location("registry"))
    db = Database(url, metadata)
    people = _people()
    _seed(db, people)

    job = _job(url, tmp_path)
    seen = []
    deadline = time.monotonic() + 120
    for line in job.stdout:  # "field-2.index-2 DONE/TOTAL"
        seen.append(line)
        done = int(line.split()[1].split("/")[0])
        if done >= PEOPLE * 3 // 10:
            job.send_signal(signal.SIGKILL)
            break
        assert time.monotonic() < deadline, "the job made no progress"
    assert job.wait(30) == -signal.SIGKILL, "".join(seen)

    with db.session() as session:
        checkpoint = session.get(KeyRotationRow, "field-2.index-2")
        left = keyrotation.stale_count(session, _rotating())
        assert checkpoint.finished_at is None and 0 < left < PEOPLE, "not killed midway"
        assert checkpoint.done == PEOPLE - left  # the checkpoint moved with its batches
        # half rotated, the service still finds both kinds by resident ID (both indexes)
        repo = People(session, _rotating())
        rotated = session.scalars(select(PersonRow.id).where(PersonRow.index_key_id == 2)).first()
        waiting = session.scalars(select(PersonRow.id).where(PersonRow.index_key_id == 1)).first()
        by_id = {pid: rid for pid, rid, _ in people}
        assert repo.by_resident_id(by_id[rotated]).id == rotated
        assert repo.by_resident_id(by_id[waiting]).id == waiting

    resumed = _job(url, tmp_path)
    out, _ = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, out
    assert "finished" in out

    # every person readable and findable with the new keys alone: none lost
    new_only = Protector(FieldCipher({2: NEW["field"]}, 2), BlindIndexes({2: NEW["index"]}, 2))
    with db.session() as session:
        assert session.get(KeyRotationRow, "field-2.index-2").done == PEOPLE  # none twice
        rows = {r.id: r for r in session.scalars(select(PersonRow))}
        assert len(rows) == PEOPLE
        assert session.scalar(select(func.count()).select_from(PersonRow).where(
            PersonRow.field_key_id == 2, PersonRow.index_key_id == 2)) == PEOPLE
        for pid, rid, phone in people:
            row = rows[pid]
            assert new_only.cipher.decrypt(row.resident_id_cipher, "person.resident_id") == rid
            assert new_only.cipher.decrypt(row.phone_cipher, "person.phone") == phone
            assert row.resident_id_index == new_only.index.of(rid)
        repo = People(session, new_only)
        for pid, rid, _ in people[::997]:
            assert repo.by_resident_id(rid).id == pid
    db.dispose()


def test_pool5_operator_adds_a_key_version_then_retires_the_old_one(tmp_path):
    """`anbao registry new-key-version` keeps the current keys as retired versions; the
    service settings read them; `retire-keys` drops them only when no row needs them."""
    from typer.testing import CliRunner

    from anbaoctl import registry, secrets
    from anbaoctl.main import app
    from services.registry.bootstrap import protector_of

    runner = CliRunner()
    keys = secrets.ensure(tmp_path)
    old_field = keys["ANBAO_REGISTRY_FIELD_KEY"]
    url = f"sqlite:///{tmp_path / 'registry.db'}"
    migrations.upgrade(url, migrations.script_location("registry"))
    db = Database(url, metadata)

    result = runner.invoke(app, ["registry", "new-key-version", "--data", str(tmp_path)])
    assert result.exit_code == 0, result.output
    config = registry.settings(tmp_path)
    assert (config.field_key_id, config.blind_index_key_id) == (2, 2)
    assert config.retired_field_keys == {1: old_field} and config.field_key != old_field
    protector = protector_of(config)
    assert protector.cipher.current == 2 and protector.index.current == 2

    # a person still sealed under version 1 keeps the old keys
    sealed = Protector(FieldCipher({1: old_field}, 1),
                       BlindIndexes({1: keys["ANBAO_REGISTRY_BLIND_INDEX_KEY"]}, 1))
    rid = make_resident_id("220102", date(1990, 1, 1), 3)
    with db.session() as session, session.begin():
        session.execute(insert(PersonRow), [{
            "id": "p1", "full_name": "张伟", "resident_id_index": sealed.index.of(rid),
            "resident_id_cipher": sealed.cipher.encrypt(rid, "person.resident_id"),
            "resident_id_masked": masking.mask_resident_id(rid), "gender": 1,
            "phone_cipher": sealed.cipher.encrypt("13912345678", "person.phone"),
            "phone_masked": "139****5678", "region_code": "220102",
            "created_at": datetime.now(timezone.utc), "field_key_id": 1, "index_key_id": 1}])
    result = runner.invoke(app, ["registry", "retire-keys", "--data", str(tmp_path)])
    assert result.exit_code == 1 and "1 people" in result.output
    result = runner.invoke(app, ["registry", "rotate-keys", "--data", str(tmp_path), "--plain"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["registry", "retire-keys", "--data", str(tmp_path)])
    assert result.exit_code == 0, result.output
    config = registry.settings(tmp_path)
    assert config.retired_field_keys == {} and config.field_key_id == 2
    with db.session() as session:
        assert People(session, protector_of(config)).by_resident_id(rid).id == "p1"
    db.dispose()
