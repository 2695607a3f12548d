"""accreditation's gRPC API as training needs it: the training institution a class is
planned by (its name and division, which a class carries into its events)."""

import grpc

from anbao.accreditation.v1 import accreditation_pb2 as pb
from anbao.accreditation.v1 import accreditation_pb2_grpc as pb_grpc
from servicekit.errors import NotFound, Unavailable

from ..domain.classes import InstitutionFacts


class AccreditationClient:
    """Synchronous: handlers call it from their worker thread, with a deadline."""

    def __init__(self, address: str, token: str, deadline_seconds: float,
                 credentials: grpc.ChannelCredentials | None = None):
        # mTLS in the production profile (`servicekit.grpcserver.channel_credentials`)
        self._channel = (grpc.secure_channel(address, credentials) if credentials
                         else grpc.insecure_channel(address))
        self._stub = pb_grpc.AccreditationServiceStub(self._channel)
        self._metadata = (("authorization", f"Bearer {token}"),)
        self._deadline = deadline_seconds

    def institution(self, institution_id: str) -> InstitutionFacts:
        try:
            i = self._stub.GetInstitution(
                pb.GetInstitutionRequest(name=f"institutions/{institution_id}"),
                timeout=self._deadline, metadata=self._metadata)
        except grpc.RpcError as exc:
            if exc.code() == grpc.StatusCode.NOT_FOUND:
                raise NotFound(f"institutions/{institution_id} does not exist") from exc
            raise Unavailable(f"accreditation did not answer: {exc.code().name}") from exc
        return InstitutionFacts(institution_id, i.display_name, i.region_code, i.role, i.status,
                                i.blacklisted)

    def close(self) -> None:
        self._channel.close()
