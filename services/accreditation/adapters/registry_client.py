"""registry's gRPC API as accreditation needs it: does this person exist, and what
registry may tell another service about them (masked)."""

import grpc

from anbao.registry.v1 import registry_pb2 as pb
from anbao.registry.v1 import registry_pb2_grpc as pb_grpc
from servicekit import dates, tracing
from servicekit.errors import NotFound, Unavailable
from servicekit.grpcserver import CHANNEL_OPTIONS

from ..domain.exams import PersonFacts


class RegistryClient:
    """Synchronous: handlers call it from their worker thread, with a deadline."""

    def __init__(self, address: str, token: str, deadline_seconds: float,
                 credentials: grpc.ChannelCredentials | None = None):
        # mTLS in the production profile (`servicekit.grpcserver.channel_credentials`)
        # `address` may name several replicas (`grpcserver.round_robin_target`)
        self._channel = (grpc.secure_channel(address, credentials, options=CHANNEL_OPTIONS)
                         if credentials else grpc.insecure_channel(address, CHANNEL_OPTIONS))
        self._stub = pb_grpc.RegistryServiceStub(self._channel)
        self._metadata = (("authorization", f"Bearer {token}"),)
        self._deadline = deadline_seconds

    def person(self, person_id: str) -> PersonFacts:
        try:
            p = self._stub.GetPerson(pb.GetPersonRequest(name=f"persons/{person_id}"),
                                     timeout=self._deadline,
                                     metadata=self._metadata + tracing.metadata())
        except grpc.RpcError as exc:
            if exc.code() == grpc.StatusCode.NOT_FOUND:
                raise NotFound(f"persons/{person_id} is not registered") from exc
            raise Unavailable(f"registry did not answer: {exc.code().name}") from exc
        guard = dates.of_proto(p.guard_certificate_date)
        return PersonFacts(person_id, p.full_name, p.resident_id_masked, guard)

    def close(self) -> None:
        self._channel.close()
