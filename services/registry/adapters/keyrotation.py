"""POOL-5: re-encryption of personal data under new key versions, without downtime.

While it runs, the service reads every configured key version (a ciphertext names its
field key; a resident-ID lookup tries the blind index of every version), so nothing
stops. The job walks the people in ID order, a batch per transaction; each batch re-seals
its rows (both ciphertexts under the current field key, the blind index under the current
index key) and moves the checkpoint (`key_rotation`) in the same commit, with one audit
record. Killed at any point, it resumes after the last committed batch; a batch it loses
is simply done again (re-sealing is idempotent).

A person changed by a live write between the job's read and its write is skipped (the
row's `version` is the condition of the job's UPDATE), never overwritten with stale data;
a row still under an older key at the end of a pass (such a skip, or a write by a replica
not yet restarted with the new keys) makes the job pass again until none is left."""

import time
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable

from sqlalchemy import bindparam, func, or_, select, update
from sqlalchemy.orm import Session

from servicekit import audit
from servicekit.unitofwork import messaging_tables

from .orm import KeyRotationRow, PersonRow, metadata
from .repository import Protector

JOB_ACTOR = audit.Actor(subject="registry rotate-keys", role="operator", scope="",
                        method="rotate-keys", request_id="")


@dataclass(frozen=True)
class Progress:
    job: str
    done: int     # rows re-sealed by this job so far, across restarts
    total: int    # rows under an older key when the job (or its current pass) began
    finished: bool


def job_name(protector: Protector) -> str:
    return f"field-{protector.cipher.current}.index-{protector.index.current}"


def _stale(protector: Protector):
    return or_(PersonRow.field_key_id != protector.cipher.current,
               PersonRow.index_key_id != protector.index.current)


def stale_count(session: Session, protector: Protector) -> int:
    """People whose data is still sealed or indexed under an older key version."""
    return session.scalar(select(func.count()).select_from(PersonRow)
                          .where(_stale(protector)))


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _checkpoint(session: Session, protector: Protector) -> KeyRotationRow:
    job = job_name(protector)
    row = session.scalars(select(KeyRotationRow).where(KeyRotationRow.job == job)
                          .with_for_update()).first()
    if row is None:
        row = KeyRotationRow(job=job, last_person_id="", done=0,
                             total=stale_count(session, protector), started_at=_now())
        session.add(row)
    return row


def _reseal(session: Session, protector: Protector, rows: list[PersonRow]) -> int:
    """Re-seals the rows under the current keys, in one statement for the batch, except a
    row a live write changed meanwhile (its version moved): that one stays for the next
    pass. Returns how many were re-sealed."""
    cipher, index = protector.cipher, protector.index
    params = []
    for row in rows:
        resident_id = cipher.decrypt(row.resident_id_cipher, "person.resident_id")
        params.append({
            "b_id": row.id, "b_version": row.version,
            "b_rid": cipher.encrypt(resident_id, "person.resident_id"),
            "b_phone": cipher.encrypt(cipher.decrypt(row.phone_cipher, "person.phone"),
                                      "person.phone"),
            "b_index": index.of(resident_id)})
    session.execute(
        update(PersonRow.__table__)
        .where(PersonRow.id == bindparam("b_id"), PersonRow.version == bindparam("b_version"))
        .values(resident_id_cipher=bindparam("b_rid"), phone_cipher=bindparam("b_phone"),
                resident_id_index=bindparam("b_index"), field_key_id=cipher.current,
                index_key_id=index.current), params)
    return session.scalar(select(func.count()).select_from(PersonRow).where(
        PersonRow.id.in_([r.id for r in rows]), ~_stale(protector)))


def rotate(sessions: Callable[[], Session], protector: Protector, *, batch_size: int = 500,
           pause_seconds: float = 0.0,
           on_progress: Callable[[Progress], None] = lambda p: None) -> Progress:
    """Runs (or resumes) the job for the current key versions until no row is stale.
    `pause_seconds` between batches spares a busy database."""
    tables = messaging_tables(metadata)
    log = audit.AuditLog(tables.audit)
    while True:
        with sessions() as session, session.begin():
            checkpoint = _checkpoint(session, protector)
            rows = session.scalars(
                select(PersonRow).where(PersonRow.id > checkpoint.last_person_id,
                                        _stale(protector))
                .order_by(PersonRow.id).limit(batch_size)).all()
            if rows:
                resealed = _reseal(session, protector, rows)
                checkpoint.last_person_id = rows[-1].id
                checkpoint.done += resealed
                log.append(session, JOB_ACTOR, [f"persons/{r.id}" for r in rows],
                           {"resealed": resealed, "job": checkpoint.job,
                            "from": rows[0].id, "to": rows[-1].id}, _now())
            elif stale_count(session, protector):  # skipped or late rows: another pass
                checkpoint.last_person_id = ""
                checkpoint.total = checkpoint.done + stale_count(session, protector)
            else:
                checkpoint.finished_at = checkpoint.finished_at or _now()
            progress = Progress(checkpoint.job, checkpoint.done, checkpoint.total,
                                checkpoint.finished_at is not None)
        on_progress(progress)
        if progress.finished:
            return progress
        if rows and pause_seconds:
            time.sleep(pause_seconds)
