"""A certificate (职业技能等级证书): one per passed result (CERT-1), signed as a W3C
Verifiable Credential, and found by the public with its number and holder name (CERT-4).
Its status (CERT-3): VALID ⇄ SUSPENDED; VALID or SUSPENDED → REVOKED or REPLACED, both
final; every change kept with actor, time and reason."""

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Callable

from anbao.accreditation.v1 import events_pb2 as accreditation_events
from anbao.certificates.v1 import certificates_pb2 as pb
from anbao.certificates.v1 import events_pb2
from anbao.training.v1 import events_pb2 as training_events
from servicekit import dates
from servicekit.errors import FailedPrecondition, NotFound
from servicekit.unitofwork import new_event

from . import credential, numbering, statuslist

# signs a credential document as of a time, returning (signed document, key ID)
Sign = Callable[[dict, datetime], tuple[dict, str]]
# takes a free position in a purpose's status list for a certificate number
Allocate = Callable[[str, str], statuslist.Position]  # (purpose, number)

SKILL, TRAINING_COMPLETION = pb.CERTIFICATE_KIND_SKILL, pb.CERTIFICATE_KIND_TRAINING_COMPLETION
VALID, SUSPENDED = pb.CERTIFICATE_STATUS_VALID, pb.CERTIFICATE_STATUS_SUSPENDED
REVOKED, REPLACED = pb.CERTIFICATE_STATUS_REVOKED, pb.CERTIFICATE_STATUS_REPLACED


def status_label(status: int) -> str:
    return pb.CertificateStatus.Name(status).removeprefix("CERTIFICATE_STATUS_")


@dataclass(frozen=True)
class Signing:
    """What issuing needs besides the facts: serials, the key, status positions."""

    serial: Callable[[str], int]
    sign: Sign
    issuer: credential.Issuer
    allocate: Allocate
    status_base: str  # where the status lists are published


@dataclass(frozen=True)
class StatusChange:
    from_status: int
    to_status: int
    actor: str
    revocation_reason: int
    reason: str
    replaced_by: str
    changed_at: datetime


def holding_key(person_id: str, occupation_code: str, level: int) -> str:
    return f"{person_id}/{occupation_code}/{level}"


@dataclass(eq=False)
class Certificate:
    number: str
    candidate: str
    person_id: str
    holder_name: str
    resident_id_masked: str
    occupation_code: str
    occupation_name: str
    level: int
    issue_date: date
    issuing_organisation: str
    institution: str
    status: int
    key_id: str
    credential_json: str
    created_at: datetime
    region_code: str = ""
    # CERT-5: the organisation that examined, where another body issues (保安员: the
    # provincial HRSS department); empty when the organisation itself issues
    evaluation_organisation: str = ""
    holding: str | None = None
    # CERT-2: a skill certificate (CERT-1) or a training-completion one, with its class
    kind: int = SKILL
    training_class: str = ""
    status_changed_at: datetime | None = None
    revocation_reason: int = 0
    status_reason: str = ""
    replaced_by: str = ""
    replaces: str = ""
    positions: list[statuslist.Position] = field(default_factory=list, repr=False)
    changes: list[StatusChange] = field(default_factory=list, repr=False)  # new, unsaved
    events: list = field(default_factory=list, repr=False)

    @classmethod
    def issue(cls, passed: accreditation_events.AssessmentPassed, *, held: "Certificate | None",
              signing: Signing, at: datetime) -> "Certificate":
        """CERT-1: numbered in its series (parts 1–4, year, level) and signed; one held
        certificate per person, occupation and level (`held`: the one already held)."""
        person_id = passed.person.removeprefix("persons/")
        if held is not None:
            # a re-examination at the same level does not make a second certificate; a
            # higher level is a different certificate, and a replaced one frees it
            raise FailedPrecondition(
                "CERT_1_ONE_PER_LEVEL", f"{passed.person} already holds {held.name} "
                f"({status_label(held.status)}) for {passed.occupation_code} level "
                f"{passed.level}; only a replacement makes another", certificate=held.name)
        closed = passed.close_time.ToDatetime(tzinfo=dates.CHINA)
        certificate = cls(
            number="", candidate=passed.candidate, person_id=person_id,
            holder_name=passed.holder_name, resident_id_masked=passed.resident_id_masked,
            occupation_code=passed.occupation_code, occupation_name=passed.occupation_name,
            level=passed.level, issue_date=closed.date(),  # the offices' calendar day
            # CERT-5: the issuer accreditation names for the occupation (events from before
            # it was carried: the evaluation organisation)
            issuing_organisation=passed.issuer_name or passed.organisation_name,
            evaluation_organisation=(passed.organisation_name
                                     if passed.issuer_name
                                     and passed.issuer_name != passed.organisation_name else ""),
            institution=passed.institution,
            status=VALID, key_id="", credential_json="", created_at=at,
            # the organisation's division; events from before it was carried say the province
            region_code=passed.region_code or f"{passed.organisation_prefix[5:7]}0000")
        certificate._number_and_sign(passed.organisation_prefix, closed, signing, at)
        return certificate

    @classmethod
    def complete_training(cls, completed: training_events.ClassCompleted,
                          trainee: training_events.CompletedTrainee, *, signing: Signing,
                          at: datetime) -> "Certificate":
        """CERT-2: a training-completion certificate (培训结业证书) for a trainee of a
        class whose review passed: numbered in its own series (city, year), signed with
        the same proofs as a skill certificate. It holds no skill level, so it takes no
        person × occupation × level holding; one per (class, person): `candidate`."""
        passed = completed.occur_time.ToDatetime(tzinfo=dates.CHINA)
        certificate = cls(
            number="", candidate=completion_candidate(completed.training_class, trainee.person),
            person_id=trainee.person.removeprefix("persons/"), holder_name=trainee.full_name,
            resident_id_masked=trainee.resident_id_masked,
            occupation_code=completed.occupation_code,
            occupation_name=completed.occupation_name, level=completed.level,
            issue_date=passed.date(),  # the offices' calendar day the review passed
            # 000 §三(一)4: issued through the provincial platform for the class's institution
            issuing_organisation=completed.institution_name, institution=completed.institution,
            status=VALID, key_id="", credential_json="", created_at=at,
            region_code=completed.region_code, kind=TRAINING_COMPLETION,
            training_class=completed.training_class)
        certificate._number_and_sign("", passed, signing, at)
        return certificate

    def _number_and_sign(self, prefix: str, valid_from: datetime, signing: Signing,
                         at: datetime) -> None:
        if self.kind == TRAINING_COMPLETION:
            series = numbering.completion_series(self.region_code, self.issue_date.year)
            self.number = numbering.compose(series, signing.serial(series))
            self.candidate = self.candidate or f"replacements/{self.number}"
            self.holding = None  # no skill level: a person completes any number of classes
        else:
            series = numbering.series(prefix, self.issue_date.year, self.level)
            self.number = numbering.compose(series, signing.serial(series))
            self.candidate = self.candidate or f"replacements/{self.number}"  # not from an exam
            self.holding = holding_key(self.person_id, self.occupation_code, self.level)
        self.positions = [signing.allocate(purpose, self.number) for purpose in statuslist.PURPOSES]
        document = credential.document(self, signing.issuer, valid_from,
                                       statuslist.entries(self.positions, signing.status_base))
        signed, self.key_id = signing.sign(document, at)
        self.credential_json = credential.serialise(signed)
        self.events.append(new_event(
            events_pb2.CertificateIssued, certificate=self.name, number=self.number,
            person=f"persons/{self.person_id}", holder_name=self.holder_name,
            occupation_code=self.occupation_code, occupation_name=self.occupation_name,
            level=self.level, issue_date=dates.to_proto(self.issue_date),
            issuing_organisation=self.issuing_organisation, institution=self.institution,
            candidate=self.candidate, kind=self.kind, training_class=self.training_class))

    @property
    def name(self) -> str:
        return f"certificates/{self.number}"

    # CERT-3 transitions

    def suspend(self, *, actor: str, reason: str, at: datetime) -> None:
        self._require(self.status == VALID, "CERT_3_NOT_VALID", "only a VALID certificate "
                      "can be suspended")
        self._move(SUSPENDED, actor=actor, reason=reason, at=at)

    def reinstate(self, *, actor: str, reason: str, at: datetime) -> None:
        self._require_not_final("reinstated")
        self._require(self.status == SUSPENDED, "CERT_3_NOT_SUSPENDED",
                      "only a SUSPENDED certificate can be reinstated")
        self._move(VALID, actor=actor, reason=reason, at=at)

    def revoke(self, *, actor: str, revocation_reason: int, reason: str, at: datetime) -> None:
        self._require(self.status != REVOKED, "CERT_3_ALREADY_REVOKED",
                      "the certificate is already revoked")
        self._require_not_final("revoked")
        self._move(REVOKED, actor=actor, reason=reason, at=at,
                   revocation_reason=revocation_reason)

    def replace(self, *, actor: str, reason: str, signing: Signing,
                at: datetime) -> "Certificate":
        """A new certificate, numbered in the same series as a normal issue that day; this
        one becomes REPLACED and points to it, and it points back."""
        self._require_not_final("replaced")
        replacement = Certificate(
            number="", candidate="", person_id=self.person_id, holder_name=self.holder_name,
            resident_id_masked=self.resident_id_masked, occupation_code=self.occupation_code,
            occupation_name=self.occupation_name, level=self.level,
            issue_date=at.astimezone(dates.CHINA).date(),
            issuing_organisation=self.issuing_organisation, institution=self.institution,
            evaluation_organisation=self.evaluation_organisation,
            status=VALID, key_id="", credential_json="", created_at=at,
            region_code=self.region_code, replaces=self.number, kind=self.kind,
            training_class=self.training_class)
        self.holding = None  # frees person × occupation × level for the replacement
        replacement._number_and_sign(self.number[:13], at, signing, at)
        self._move(REPLACED, actor=actor, reason=reason, at=at,
                   replaced_by=replacement.number)
        return replacement

    def _require(self, ok: bool, reason: str, message: str) -> None:
        if not ok:
            raise FailedPrecondition(reason, f"{message}; {self.name} is "
                                             f"{status_label(self.status)}")

    def _require_not_final(self, verb: str) -> None:
        self._require(self.status != REVOKED, "CERT_3_REVOKED_IS_FINAL",
                      f"a revoked certificate cannot be {verb}")
        self._require(self.status != REPLACED, "CERT_3_REPLACED_IS_FINAL",
                      f"a replaced certificate cannot be {verb}")

    def _move(self, target: int, *, actor: str, reason: str, at: datetime,
              revocation_reason: int = 0, replaced_by: str = "") -> None:
        previous, self.status = self.status, target
        self.status_changed_at, self.status_reason = at, reason
        self.revocation_reason, self.replaced_by = revocation_reason, replaced_by
        self.changes.append(StatusChange(previous, target, actor, revocation_reason, reason,
                                         replaced_by, at))
        event = new_event(
            events_pb2.CertificateStatusChanged, certificate=self.name, number=self.number,
            person=f"persons/{self.person_id}", from_status=previous, to_status=target,
            actor=actor, revocation_reason=revocation_reason, reason=reason,
            replaced_by=f"certificates/{replaced_by}" if replaced_by else "")
        event.change_time.FromDatetime(at)
        self.events.append(event)


def completion_candidate(training_class: str, person: str) -> str:
    """CERT-2: what makes a completion certificate unique: the class and the trainee
    (`classes/{id}/trainees/{person id}`), kept in the unique `candidate` column, so a
    redelivered or repeated ClassCompleted issues nothing twice."""
    return f"{training_class}/trainees/{person.removeprefix('persons/')}"


def require_held(found: Certificate | None) -> Certificate:
    """CERT-4: a certificate is shown for its number and its holder's name together. The
    lookup asks for both at once (`Certificates.held_by`: one probe of the index on number
    and name), so an unknown number and a wrong name do the same work and get the same
    NotFound: the lookup confirms but never discloses (nor lets its time disclose) which
    numbers exist."""
    if found is None:
        raise NotFound("no certificate with this number and holder name")
    return found
