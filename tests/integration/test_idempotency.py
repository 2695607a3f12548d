"""request_id idempotency (AIP-155) through the real interceptor and unit of work, on
SQLite and PostgreSQL: a repeat returns the first answer and applies nothing twice; a
different request under the same request_id is INVALID_ARGUMENT. The test-only service's
proto is compiled at test time, so no repo proto is needed."""

import asyncio
import importlib.util
import time
import uuid

import grpc
import pytest
from sqlalchemy import Column, MetaData, String, Table, func, insert, select

from servicekit import auth, idempotency
from servicekit.db import Database
from servicekit.errors import FailedPrecondition
from servicekit.grpcserver import ServiceInterceptor, start_server
from servicekit.unitofwork import UnitOfWork, messaging_tables
from tests.harness import error_details, token_keys

SERVICE = "anbao.notes.v1.NoteService"
PROTO = """syntax = "proto3";
package anbao.notes.v1;
service NoteService { rpc CreateNote(CreateNoteRequest) returns (Note); }
message CreateNoteRequest { string text = 1; string request_id = 2; }
message Note { string name = 1; string text = 2; int32 notes_seen = 3; }
"""

metadata = MetaData()
notes = Table("notes", metadata, Column("id", String(32), primary_key=True),
              Column("text", String(100), nullable=False))
tables = messaging_tables(metadata)


@pytest.fixture(scope="session")
def pb(tmp_path_factory):
    from grpc_tools import protoc

    out = tmp_path_factory.mktemp("proto")
    (out / "idempotency_notes.proto").write_text(PROTO)
    assert protoc.main(["protoc", f"-I{out}", f"--python_out={out}",
                        str(out / "idempotency_notes.proto")]) == 0
    spec = importlib.util.spec_from_file_location("idempotency_notes_pb2",
                                                  out / "idempotency_notes_pb2.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def db(db_urls):
    database = Database(db_urls["registry"], metadata)
    metadata.create_all(database.engine)
    yield database
    database.dispose()


def count_notes(db: Database) -> int:
    with db.session() as session:
        return session.execute(select(func.count()).select_from(notes)).scalar()


def create_note(db: Database, text: str, refuse: bool) -> tuple[str, int]:
    """The command, then a read in a second unit of work of the same RPC."""
    with UnitOfWork(db, tables) as uow:
        if refuse:
            raise FailedPrecondition("NOTE_1_REFUSED", "notes are refused for now")
        note_id = uuid.uuid4().hex
        uow.session.execute(insert(notes).values(id=note_id, text=text))
        uow.commit()
    with UnitOfWork(db, tables) as uow:
        seen = uow.session.execute(select(func.count()).select_from(notes)).scalar()
    return note_id, seen


@pytest.fixture
async def notes_service(pb, db):
    state = {"refuse": False, "arrived": 0, "repeats": 0}

    async def create(request, context):
        state["arrived"] += 1
        note_id, seen = await asyncio.to_thread(create_note, db, request.text, state["refuse"])
        if request.text == "slow":  # the answer waits until every repeat has arrived
            deadline = time.monotonic() + 10
            while state["arrived"] < state["repeats"] and time.monotonic() < deadline:
                await asyncio.sleep(0.01)
        if request.text == "crash":
            raise RuntimeError("failed after the effect")
        return pb.Note(name=f"notes/{note_id}", text=request.text, notes_seen=seen)

    def add(_servicer, server):
        server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler(SERVICE, {
            "CreateNote": grpc.unary_unary_rpc_method_handler(
                create, request_deserializer=pb.CreateNoteRequest.FromString,
                response_serializer=pb.Note.SerializeToString)}),))

    issuer, verifier = token_keys()
    running = await start_server(
        services=[(add, None, SERVICE)], host="127.0.0.1", port=0, grace=0.1,
        interceptor=ServiceInterceptor({"CreateNote": {"province_admin": auth.Reach.ANY}},
                                       verifier, "notes"))
    channel = grpc.aio.insecure_channel(f"127.0.0.1:{running.port}")
    stub = channel.unary_unary(f"/{SERVICE}/CreateNote",
                               request_serializer=pb.CreateNoteRequest.SerializeToString,
                               response_deserializer=pb.Note.FromString)

    def as_(subject: str):
        return (("authorization", f"Bearer {issuer.mint(subject, 'province_admin')}"),)

    async def call(text: str, request_id: str, subject: str = "alice"):
        return await stub(pb.CreateNoteRequest(text=text, request_id=request_id),
                          metadata=as_(subject))

    yield call, state
    await channel.close()
    await running.stop()


async def refused(call) -> grpc.aio.AioRpcError:
    with pytest.raises(grpc.aio.AioRpcError) as exc:
        await call
    return exc.value


async def test_a_repeated_request_id_returns_the_first_answer_and_applies_once(notes_service, db):
    call, _ = notes_service
    rid = str(uuid.uuid4())
    first = await call("hello", rid)
    assert first.notes_seen == 1  # the read after the command did not claim a second time
    assert await call("hello", rid) == first
    assert await call("hello", rid.upper()) == first  # one UUID, whatever its case
    assert count_notes(db) == 1


async def test_concurrent_repeats_apply_once_and_wait_for_the_first_answer(notes_service, db):
    call, state = notes_service
    rid = str(uuid.uuid4())
    state["repeats"] = 4  # all arrive between the first one's commit and its answer
    answers = await asyncio.gather(*[call("slow", rid) for _ in range(4)])
    assert len({a.name for a in answers}) == 1 and answers[0].name
    assert count_notes(db) == 1


async def test_the_same_request_id_with_another_request_is_invalid_argument(notes_service, db):
    call, _ = notes_service
    rid = str(uuid.uuid4())
    await call("hello", rid)
    exc = await refused(call("goodbye", rid))
    assert exc.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert error_details(exc)[0] == {"request_id": "reused with a different request"}
    assert count_notes(db) == 1


async def test_a_request_id_that_is_not_a_uuid4_is_invalid_argument(notes_service, db):
    call, _ = notes_service
    for bad in ("42", "not-a-uuid", str(uuid.uuid1()), "\x00" * 36):
        exc = await refused(call("hello", bad))
        assert exc.code() == grpc.StatusCode.INVALID_ARGUMENT
        assert "request_id" in error_details(exc)[0]
    assert count_notes(db) == 0


async def test_a_refused_command_releases_its_request_id_so_a_retry_applies(notes_service, db):
    call, state = notes_service
    rid = str(uuid.uuid4())
    state["refuse"] = True
    assert (await refused(call("hello", rid))).code() == grpc.StatusCode.FAILED_PRECONDITION
    state["refuse"] = False
    assert (await call("hello", rid)).name
    assert count_notes(db) == 1


async def test_request_ids_are_per_caller_and_an_empty_one_opts_out(notes_service, db):
    call, _ = notes_service
    rid = str(uuid.uuid4())
    alice, bob = await call("hello", rid, "alice"), await call("hello", rid, "bob")
    assert alice.name != bob.name
    await call("hello", "")
    await call("hello", "")
    assert count_notes(db) == 4


async def test_an_answer_lost_after_the_effect_is_aborted_not_applied_again(notes_service, db):
    call, _ = notes_service
    rid = str(uuid.uuid4())
    assert (await refused(call("crash", rid))).code() == grpc.StatusCode.INTERNAL
    exc = await refused(call("crash", rid))
    assert exc.code() == grpc.StatusCode.ABORTED and "read the resource" in exc.details()
    assert count_notes(db) == 1


def test_only_the_first_unit_of_work_to_commit_claims(db):
    """A read before the command rolls its claim back; reads after it do not claim."""
    key = dict(caller="alice", method="/m/CreateNote", request_id=str(uuid.uuid4()),
               digest="d" * 64)
    pending = idempotency.Pending(**key)
    token = idempotency.begin(pending)
    try:
        with UnitOfWork(db, tables):
            pass
        assert pending.claim is None
        with UnitOfWork(db, tables) as uow:
            uow.session.execute(insert(notes).values(id="n1", text="x"))
            uow.commit()
        assert pending.claim is not None
        with UnitOfWork(db, tables):
            pass
    finally:
        idempotency.end(token)
    token = idempotency.begin(idempotency.Pending(**key))  # the same key in a later RPC
    try:
        with pytest.raises(idempotency.Repeated):
            with UnitOfWork(db, tables):
                pass
    finally:
        idempotency.end(token)
