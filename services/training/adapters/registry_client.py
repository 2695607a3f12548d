"""registry's gRPC API as training needs it: a trainee exists, and what registry tells
another service about them (masked: its everyday form)."""

import grpc

from anbao.registry.v1 import registry_pb2 as pb
from anbao.registry.v1 import registry_pb2_grpc as pb_grpc
from servicekit.errors import NotFound, Unavailable

from ..domain.attendance import TraineeFacts


class RegistryClient:
    """Synchronous: handlers call it from their worker thread, with a deadline."""

    def __init__(self, address: str, token: str, deadline_seconds: float,
                 credentials: grpc.ChannelCredentials | None = None):
        self._channel = (grpc.secure_channel(address, credentials) if credentials
                         else grpc.insecure_channel(address))
        self._stub = pb_grpc.RegistryServiceStub(self._channel)
        self._metadata = (("authorization", f"Bearer {token}"),)
        self._deadline = deadline_seconds

    def person(self, person_id: str) -> TraineeFacts:
        try:
            p = self._stub.GetPerson(pb.GetPersonRequest(name=f"persons/{person_id}"),
                                     timeout=self._deadline, metadata=self._metadata)
        except grpc.RpcError as exc:
            if exc.code() == grpc.StatusCode.NOT_FOUND:
                raise NotFound(f"persons/{person_id} is not registered") from exc
            raise Unavailable(f"registry did not answer: {exc.code().name}") from exc
        return TraineeFacts(person_id, p.full_name, p.gender, p.resident_id_masked,
                            p.phone_masked)

    def close(self) -> None:
        self._channel.close()
