"""INST-2 考培分离 as a dry run: whether a USCC may take a role, and its affiliates — a
shared legal representative or a declared parent/subsidiary — holding the other role.
The notice speaks of the same institution only, so affiliates are flagged for the
departments' judgment, never refused."""

from dataclasses import dataclass

from anbao.accreditation.v1 import accreditation_pb2 as pb
from servicekit.errors import FailedPrecondition

from .institutions import Institution, check_separation


@dataclass(frozen=True)
class Affiliate:
    institution_id: str
    relation: int


@dataclass(frozen=True)
class SeparationReport:
    allowed: bool
    reason: str
    conflicting: list[str]
    affiliates: list[Affiliate]


def assess(*, uscc: str, role: int, legal_representative: str, parent_uscc: str,
           same_uscc: dict[int, str], others: list[Institution]) -> SeparationReport:
    """`same_uscc`: role → institution the USCC holds it through; `others`: institutions
    of other USCCs, not ended, that may be affiliates."""
    reason, conflicting = "", []
    try:
        check_separation(set(same_uscc), role)
    except FailedPrecondition as refusal:
        reason = refusal.reason
        conflicting = [iid for r, iid in same_uscc.items() if r != role]
    affiliates = []
    for other in others:
        if other.role == role or other.uscc == uscc:
            continue
        if legal_representative and other.legal_representative == legal_representative:
            affiliates.append(Affiliate(other.id, pb.AFFILIATE_RELATION_SHARED_LEGAL_REPRESENTATIVE))
        if parent_uscc and other.uscc == parent_uscc:
            affiliates.append(Affiliate(other.id, pb.AFFILIATE_RELATION_DECLARED_PARENT))
        if other.parent_uscc == uscc:
            affiliates.append(Affiliate(other.id, pb.AFFILIATE_RELATION_DECLARED_SUBSIDIARY))
    return SeparationReport(not reason, reason, conflicting, affiliates)
