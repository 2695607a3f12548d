"""Dead letters: events a consumer cannot apply, set aside in their own stream with the
original bytes and headers and why, so an operator can read and replay them and the
consumer goes on with the next event.

A dead letter of `anbao.accreditation.v1.AssessmentPassed` refused by certificates is
published on `anbao.deadletter.certificates.anbao.accreditation.v1.AssessmentPassed`.
Everything about it travels in one ASCII JSON header (`Anbao-Dead-Letter`): the original
headers must not be published as themselves, since JetStream acts on `Nats-*` headers."""

import json
from dataclasses import dataclass
from datetime import datetime, timezone

from nats.aio.msg import Msg
from nats.js import JetStreamContext
from nats.js.api import RawStreamMsg, StorageType, StreamConfig
from nats.js.errors import BadRequestError, NotFoundError

STREAM = "ANBAO_DEAD_LETTERS"
SUBJECT_PREFIX = "anbao.deadletter."
HEADER = "Anbao-Dead-Letter"
_REASON_MAX = 1000


@dataclass(frozen=True)
class DeadLetter:
    seq: int               # in the dead-letter stream: what `anbao events replay` takes
    service: str
    subject: str           # the original subject
    reason: str
    consumer: str
    stream: str            # the original stream and sequence
    stream_seq: int
    time: str              # when it was set aside (ISO 8601, UTC)
    data: bytes            # the original bytes
    headers: dict[str, str]  # the original headers


async def ensure_stream(js: JetStreamContext, replicas: int = 1) -> None:
    """Creates the stream if there is none. A service may create it but not change it
    (`natsauth`): one that exists with other settings is the operator's to update."""
    config = StreamConfig(name=STREAM, subjects=[SUBJECT_PREFIX + ">"],
                          storage=StorageType.FILE, duplicate_window=600.0,
                          num_replicas=replicas)
    try:
        await js.add_stream(config)
    except BadRequestError:
        pass


async def publish(js: JetStreamContext, service: str, consumer: str, msg: Msg,
                  reason: str) -> None:
    """Sets `msg` aside; returns once JetStream has stored it. The message ID makes a
    repeat after a crash (stored, then not acked) harmless."""
    meta = msg.metadata
    record = {"service": service, "subject": msg.subject,
              "reason": reason if len(reason) <= _REASON_MAX else reason[:_REASON_MAX] + "…",
              "consumer": consumer, "stream": meta.stream, "stream_seq": meta.sequence.stream,
              "time": datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
              "headers": dict(msg.headers or {})}
    await js.publish(f"{SUBJECT_PREFIX}{service}.{msg.subject}", msg.data, headers={
        HEADER: json.dumps(record),
        "Nats-Msg-Id": f"dead:{consumer}:{meta.stream}:{meta.sequence.stream}"})


def _read(raw: RawStreamMsg) -> DeadLetter:
    record = json.loads((raw.headers or {})[HEADER])
    return DeadLetter(seq=raw.seq, service=record["service"], subject=record["subject"],
                      reason=record["reason"], consumer=record["consumer"],
                      stream=record["stream"], stream_seq=record["stream_seq"],
                      time=record["time"], data=raw.data or b"", headers=record["headers"])


async def read_all(js: JetStreamContext) -> list[DeadLetter]:
    """Every dead letter still held, oldest first; none when the stream does not exist."""
    letters, seq = [], 1
    while True:
        try:
            raw = await js.get_msg(STREAM, seq=seq, subject=SUBJECT_PREFIX + ">", next=True)
        except NotFoundError:  # past the last one, or no stream yet
            return letters
        letters.append(_read(raw))
        seq = raw.seq + 1


async def get(js: JetStreamContext, seq: int) -> DeadLetter:
    """Raises nats.js.errors.NotFoundError when there is no such dead letter."""
    return _read(await js.get_msg(STREAM, seq=seq))


async def replay(js: JetStreamContext, seq: int) -> DeadLetter:
    """Republishes a dead letter to its original subject with its original headers, then
    removes it; the consumer's inbox refuses a second application of the event.

    Within the original stream's duplicate window the original `Nats-Msg-Id` would be
    dropped as a repeat of the message that was dead-lettered, so the replay then goes
    under an ID derived from it and the dead letter's sequence: a replay repeated after
    a crash (published, not yet removed) is still dropped."""
    letter = await get(js, seq)
    headers = dict(letter.headers)
    ack = await js.publish(letter.subject, letter.data, headers=headers or None)
    if ack.duplicate:
        headers["Nats-Msg-Id"] = f"{headers.get('Nats-Msg-Id', '')}:replay:{seq}"
        await js.publish(letter.subject, letter.data, headers=headers)
    await js.delete_msg(STREAM, seq)
    return letter
