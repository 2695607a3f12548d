"""The authorisation policy, proven cell by cell: every RPC of every service (read from
the protos, so a new RPC without a row here fails) × every caller class — each role in
and out of its scope, no token, and tokens that are expired, signed with another key,
for another audience, `alg: none`, or tampered — against the running system. The
expected answer of each cell comes from the services' policy tables; the test fails on
any cell that differs."""

import base64
import json
import time
import uuid
from datetime import date

import grpc
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from google.protobuf import field_mask_pb2, timestamp_pb2

from anbao.accreditation.v1 import accreditation_pb2 as acc
from anbao.certificates.v1 import certificates_pb2 as cert
from anbao.registry.v1 import registry_pb2 as reg
from anbao.training.v1 import training_pb2 as trn
from servicekit import auth, dates, tokens
from services import manifest
from services.accreditation.policy import POLICY as ACCREDITATION
from services.certificates.policy import POLICY as CERTIFICATES
from services.registry.policy import POLICY as REGISTRY
from services.training.policy import POLICY as TRAINING
from tests import builders
from tests.harness import eventually

POLICIES = {"registry": REGISTRY, "accreditation": ACCREDITATION, "certificates": CERTIFICATES,
            "training": TRAINING}
R = auth.Reach
ALLOWED, DENIED, UNAUTHENTICATED = "allowed", "PERMISSION_DENIED", "UNAUTHENTICATED"
# where a confined caller out of its scope is not refused but sees only its own
CONFINED = {"ListInstitutions", "ListCertificates", "SearchTalent", "CheckSeparation",
            "ListRotationTrainingDue", "ListTrainingClasses"}
# institutions register the people they train or examine wherever they live
ANYWHERE_FOR_INSTITUTIONS = {"RegisterPerson"}

# caller class → (role, scope as in scope, or None for a special token)
CALLERS = {
    "province_admin": ("province_admin", ""),
    "city_admin in scope": ("city_admin", "220100"),
    "city_admin out of scope": ("city_admin", "320500"),
    "eval_org in scope": ("eval_org", "A"),
    "eval_org out of scope": ("eval_org", "B"),
    "training_org in scope": ("training_org", "A"),  # reach is by institution ID
    "training_org out of scope": ("training_org", "B"),
    # an evaluator reaches the sessions it is assigned to (E: the open one) and the
    # appeals it is named for
    "evaluator in scope": ("evaluator", "E"),
    "evaluator out of scope": ("evaluator", "F"),
    # an employer reaches its own registration, watches and deliveries (EMP-5): M is
    # registered and watches the certificate, N another unit
    "employer in scope": ("employer", "M"),
    "employer out of scope": ("employer", "N"),
    "auditor": ("auditor", ""),
    "service": ("service", ""),
    "no token": (None, "anonymous"),
    "expired": (None, "expired"),
    "wrong key": (None, "wrong key"),
    "wrong audience": (None, "wrong audience"),
    "alg none": (None, "alg none"),
    "tampered claims": (None, "tampered"),
}


def expected(policy: auth.Policy, method: str, caller: str) -> str:
    role, scope = CALLERS[caller]
    grants = policy[method]
    if role is None:
        return ALLOWED if scope == "anonymous" and auth.PUBLIC in grants else UNAUTHENTICATED
    if role not in grants:
        return ALLOWED if auth.PUBLIC in grants else DENIED
    if grants[role] == R.ANY or "out of scope" not in caller:
        return ALLOWED
    if method in CONFINED or (method in ANYWHERE_FOR_INSTITUTIONS and grants[role] == R.INSTITUTION):
        return ALLOWED
    return DENIED


def _b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def special_token(kind: str, issuer: tokens.TokenIssuer) -> str:
    now = int(time.time())
    claims = {"iss": "anbao", "sub": "mallory", "aud": list(manifest.NAMES),
              "role": "province_admin", "scope": "", "iat": now, "nbf": now,
              "exp": now + 600, "jti": str(uuid.uuid4())}
    header = {"kid": issuer.kid, "typ": "at+jwt"}
    if kind == "alg none":
        return f"{_b64({**header, 'alg': 'none'})}.{_b64(claims)}."
    if kind == "wrong key":
        return jwt.encode(claims, Ed25519PrivateKey.generate(), algorithm="EdDSA", headers=header)
    if kind == "expired":  # ended ten minutes ago, well past the clock-skew leeway
        old = {**claims, "iat": now - 1200, "nbf": now - 1200, "exp": now - 600}
        return jwt.encode(old, issuer._key, algorithm="EdDSA", headers=header)
    if kind == "wrong audience":
        return issuer.mint("mallory", "province_admin", audience=["elsewhere"])
    genuine = issuer.mint("mallory", "auditor").split(".")
    return ".".join([genuine[0], _b64({**claims, "role": "province_admin"}), genuine[2]])


async def world(system) -> dict:
    """Two evaluation organisations (A, whose resources every request aims at, and B), a
    person, evaluators (E assigned to the open session and named by an appeal of the
    closed one's result, F assigned nowhere), a closed session with a certificate and an
    open one with an application awaiting review, and an employer (M) watching the
    certificate."""
    admin = system.stubs()
    a = await builders.institution(admin)
    b = await builders.institution(admin)
    closed = await builders.session(admin, a)
    holder = await builders.person(admin, "张伟")
    candidate = await builders.admit(system, closed, holder)
    await builders.score(system, closed, candidate, 80, 80)
    await builders.finish(system, closed)

    async def issued():
        listed = await admin.certificates.ListCertificates(cert.ListCertificatesRequest(
            person=holder.name), metadata=admin.metadata)
        return listed.certificates
    certificate = (await eventually(issued, "the certificate"))[0]
    examiner = (await builders.evaluator(admin, a)).name
    idle = (await builders.evaluator(admin, a)).name
    open_session = await admin.accreditation.CreateExamSession(acc.CreateExamSessionRequest(
        exam_session=acc.ExamSession(institution=a.name, occupation_code="3-02-02-00", level=3,
                                     exam_date=dates.to_proto(dates.today()))),
        metadata=admin.metadata)
    await admin.accreditation.AssignEvaluator(acc.AssignEvaluatorRequest(
        exam_session=open_session.name, evaluator=examiner), metadata=admin.metadata)
    enrolled = await admin.accreditation.EnrollCandidate(acc.EnrollCandidateRequest(
        exam_session=open_session.name, person=holder.name, facts=builders.TWO_YEARS),
        metadata=admin.metadata)
    appeal = await admin.accreditation.AppealResult(acc.AppealResultRequest(
        candidate=candidate.name, evaluator=examiner, reason="matrix"), metadata=admin.metadata)
    # institutions (INST-1..8): a call of the city, an application against it, an
    # active training institution with a teacher, a supervisor
    call = await builders.call_for_applications(admin, acc.INSTITUTION_ROLE_TRAINING, "220100")
    applicant = await builders.institution(admin, acc.INSTITUTION_ROLE_TRAINING, active=False,
                                           call=call, region="220102")
    trainer = await builders.institution(admin, acc.INSTITUTION_ROLE_TRAINING)
    teacher = await admin.accreditation.RegisterTeacher(acc.RegisterTeacherRequest(
        institution=trainer.name, person=holder.name), metadata=admin.metadata)
    supervisor = await admin.accreditation.AppointSupervisor(acc.AppointSupervisorRequest(
        person=holder.name, affiliation="吉林警察学院",
        term_start=dates.to_proto(dates.today())), metadata=admin.metadata)
    # training: a class of the training institution, which the training service's
    # requests aim at in place of A (a class belongs to a training institution)
    training_class = await builders.training_class(system, trainer, teacher.name)
    employer = await admin.certificates.RegisterEmployer(cert.RegisterEmployerRequest(
        employer=cert.Employer(display_name="长春保安服务有限公司", uscc=builders.uscc(),
                               region_code="220102", webhook_url="https://hooks.invalid/anbao")),
        metadata=admin.metadata)
    watcher = system.stubs("employer", employer.name)
    await watcher.certificates.WatchCertificate(cert.WatchCertificateRequest(
        parent=employer.name, number=certificate.number, holder_name="张伟"),
        metadata=watcher.metadata)
    return {"A": a, "B": b, "person": holder, "M": employer, "evaluator": examiner,
            "E": examiner, "F": idle,
            "closed": closed, "open": open_session, "candidate": enrolled,
            "closed_candidate": candidate, "appeal": appeal,
            "certificate": certificate, "call": call, "applicant": applicant,
            "trainer": trainer, "teacher": teacher, "supervisor": supervisor,
            "class": training_class}


def requests(w: dict) -> dict:
    """A valid request for every RPC, aimed at resources of institution A (region 2201)."""
    today = dates.to_proto(dates.today())
    now = timestamp_pb2.Timestamp()
    now.GetCurrentTime()
    return {
        ("registry", "RegisterPerson"): lambda: reg.RegisterPersonRequest(
            resident_id=builders.resident_id(), full_name="赵六", phone="13912345678",
            region_code="220102"),
        ("registry", "GetPerson"): lambda: reg.GetPersonRequest(name=w["person"].name),
        ("registry", "SearchTalent"): lambda: reg.SearchTalentRequest(),
        # person lifecycle: a phone change (the certificate lookup matches the holder's
        # name), and a merge of two people that do not exist (NOT_FOUND counts as allowed)
        ("registry", "UpdatePerson"): lambda: reg.UpdatePersonRequest(
            person=reg.Person(name=w["person"].name), update_mask=field_mask_pb2.FieldMask(
                paths=["phone"]), phone="13900001111"),
        ("registry", "ListPersonHistory"): lambda: reg.ListPersonHistoryRequest(
            name=w["person"].name),
        ("registry", "MergePersons"): lambda: reg.MergePersonsRequest(
            name="persons/nobody1", merged_person="persons/nobody2"),
        ("registry", "RecordEarlierCertificate"): lambda: reg.RecordEarlierCertificateRequest(
            parent=w["person"].name, format=reg.CERTIFICATE_FORMAT_QUAL16,
            certificate_number="1822010012310001", occupation_code="4-07-05-01",
            issue_date=dates.to_proto(date(2018, 6, 1)), issuing_authority="吉林省鉴定中心"),
        ("registry", "RecordCadreAppointment"): lambda: reg.RecordCadreAppointmentRequest(
            parent=w["person"].name, unit_name="吉林银行", industry=reg.INDUSTRY_FINANCE_POST,
            appointed_date=today),
        ("registry", "SetListingConsent"): lambda: reg.SetListingConsentRequest(
            person=w["person"].name, listing_consent=reg.LISTING_CONSENT_GIVEN),
        ("registry", "GetTalentProfile"): lambda: reg.GetTalentProfileRequest(
            name=f"{w['person'].name}/talentProfile"),
        ("registry", "ListRotationTrainingDue"): lambda: reg.ListRotationTrainingDueRequest(),
        ("registry", "GetAnnualReport"): lambda: reg.GetAnnualReportRequest(
            region_code="220100", year=dates.today().year),
        ("accreditation", "CreateInstitution"): lambda: acc.CreateInstitutionRequest(
            institution=acc.Institution(display_name="新机构", uscc=builders.uscc(),
                                        role=acc.INSTITUTION_ROLE_TRAINING, region_code="220102",
                                        call=w["call"].name, occupation_codes=["3-02-02-00"])),
        ("accreditation", "GetInstitution"): lambda: acc.GetInstitutionRequest(name=w["A"].name),
        ("accreditation", "ListInstitutions"): lambda: acc.ListInstitutionsRequest(),
        ("accreditation", "ChangeInstitutionStatus"): lambda: acc.ChangeInstitutionStatusRequest(
            name=w["A"].name, status=acc.INSTITUTION_STATUS_SELECTED, reason="not allowed"),
        ("accreditation", "RecordPreAppointmentTraining"):
            lambda: acc.RecordPreAppointmentTrainingRequest(person=w["person"].name,
                                                            completion_date=today, passed=False),
        ("accreditation", "AppointEvaluator"): lambda: acc.AppointEvaluatorRequest(
            institution=w["A"].name, person=w["person"].name, occupation_code="3-02-02-00",
            max_level=3),
        ("accreditation", "FirstReviewApplication"): lambda: acc.FirstReviewApplicationRequest(
            candidate=w["candidate"].name, approved=True, reason="matrix"),
        ("accreditation", "SecondReviewApplication"): lambda: acc.SecondReviewApplicationRequest(
            candidate=w["candidate"].name, approved=True, reason="matrix"),
        ("accreditation", "RegisterExamSite"): lambda: acc.RegisterExamSiteRequest(
            exam_site=acc.ExamSite(display_name="矩阵考点", region_code="220102",
                                   filing_number=f"matrix-{uuid.uuid4().hex[:12]}")),
        ("accreditation", "LaunchLevel"): lambda: acc.LaunchLevelRequest(
            province="220000", occupation_code="4-07-05-01", level=5),
        ("accreditation", "SignOffExamSession"): lambda: acc.SignOffExamSessionRequest(
            name=w["open"].name),
        ("accreditation", "CheckExamResults"): lambda: acc.CheckExamResultsRequest(
            name=w["closed"].name, approved=True, reason="matrix"),
        ("accreditation", "AppealResult"): lambda: acc.AppealResultRequest(
            candidate=w["closed_candidate"].name, evaluator=w["E"], reason="matrix"),
        ("accreditation", "DecideAppeal"): lambda: acc.DecideAppealRequest(
            name=w["appeal"].name, theory_score=80, skill_score=80, reason="matrix",
            module_scores=[acc.ModuleScore(module=m, score=80) for m in builders.MODULES]),
        ("accreditation", "GetEvaluator"): lambda: acc.GetEvaluatorRequest(name=w["evaluator"]),
        ("accreditation", "CreateExamSession"): lambda: acc.CreateExamSessionRequest(
            exam_session=acc.ExamSession(institution=w["A"].name, occupation_code="3-02-02-00",
                                         level=3, exam_date=today)),
        ("accreditation", "GetExamSession"): lambda: acc.GetExamSessionRequest(
            name=w["open"].name),
        ("accreditation", "AssignEvaluator"): lambda: acc.AssignEvaluatorRequest(
            exam_session=w["open"].name, evaluator=w["evaluator"]),
        ("accreditation", "EnrollCandidate"): lambda: acc.EnrollCandidateRequest(
            exam_session=w["open"].name, person=w["person"].name),
        ("accreditation", "RecordScores"): lambda: acc.RecordScoresRequest(
            candidate=w["candidate"].name, theory_score=70, skill_score=70),
        ("accreditation", "CloseExamSession"): lambda: acc.CloseExamSessionRequest(
            name=w["closed"].name),
        ("accreditation", "RenewEvaluator"): lambda: acc.RenewEvaluatorRequest(
            name=w["evaluator"]),
        ("accreditation", "RecordAnnualAssessment"): lambda: acc.RecordAnnualAssessmentRequest(
            evaluator=w["evaluator"], year=today.year, ethics=acc.ASSESSMENT_RESULT_PASSED,
            professional_score=80, performance_score=80),
        ("accreditation", "ListEvaluators"): lambda: acc.ListEvaluatorsRequest(
            institution=w["A"].name),
        ("accreditation", "SetEvaluatorAffiliations"):
            lambda: acc.SetEvaluatorAffiliationsRequest(evaluator=w["evaluator"]),
        ("accreditation", "ListPassRates"): lambda: acc.ListPassRatesRequest(
            subject=w["A"].name),
        ("accreditation", "ListPassRateAnomalies"): lambda: acc.ListPassRateAnomaliesRequest(),
        ("accreditation", "CreateCallForApplications"):
            lambda: acc.CreateCallForApplicationsRequest(
                call_for_applications=acc.CallForApplications(
                    title="公开征集", role=acc.INSTITUTION_ROLE_TRAINING, region_code="220100",
                    open_date=today, close_date=today)),
        ("accreditation", "GetCallForApplications"): lambda: acc.GetCallForApplicationsRequest(
            name=w["call"].name),
        ("accreditation", "DecideApplication"): lambda: acc.DecideApplicationRequest(
            name=w["applicant"].name, outcome=acc.SELECTION_OUTCOME_APPROVED, reason="matrix"),
        ("accreditation", "CloseCallForApplications"):
            lambda: acc.CloseCallForApplicationsRequest(name=w["call"].name),
        ("accreditation", "PublishCallResult"): lambda: acc.PublishCallResultRequest(
            name=w["call"].name),
        ("accreditation", "CheckSeparation"): lambda: acc.CheckSeparationRequest(
            uscc=builders.uscc(), role=acc.INSTITUTION_ROLE_TRAINING),
        ("accreditation", "SetQuotaPhase"): lambda: acc.SetQuotaPhaseRequest(
            quota_phase=acc.QuotaPhase(province_code="220000", occupation_code="3-02-02-00",
                                       phase=acc.QUOTA_PHASE_KIND_PILOT)),
        ("accreditation", "RegisterTeacher"): lambda: acc.RegisterTeacherRequest(
            institution=w["trainer"].name, person=w["person"].name),
        ("accreditation", "RecordTeacherAssessment"): lambda: acc.RecordTeacherAssessmentRequest(
            teacher=w["teacher"].name, assess_date=today, passed=True, assessor="内保总队"),
        ("accreditation", "GetTeacher"): lambda: acc.GetTeacherRequest(name=w["teacher"].name),
        ("accreditation", "AppointSupervisor"): lambda: acc.AppointSupervisorRequest(
            person=w["person"].name, affiliation="吉林警察学院", term_start=today),
        ("accreditation", "RecordSupervisionVisit"): lambda: acc.RecordSupervisionVisitRequest(
            supervisor=w["supervisor"].name, institution=w["trainer"].name, visit_date=today),
        ("accreditation", "GetSupervisionBulletin"): lambda: acc.GetSupervisionBulletinRequest(
            start_date=today, end_date=today, region_code="220100"),
        ("accreditation", "RecordTrainingLicence"): lambda: acc.RecordTrainingLicenceRequest(
            name=w["trainer"].name, training_licence=acc.TrainingLicence(
                number="吉公保培001", issuer="吉林省公安厅", valid_from=today, valid_until=today)),
        ("accreditation", "BlacklistInstitution"): lambda: acc.BlacklistInstitutionRequest(
            name=w["applicant"].name, reason="matrix"),
        ("accreditation", "RecordQualityAssessment"): lambda: acc.RecordQualityAssessmentRequest(
            name=w["trainer"].name, assess_date=today, findings=["matrix"]),
        ("certificates", "GetCertificate"): lambda: cert.GetCertificateRequest(
            name=w["certificate"].name),
        ("certificates", "ListCertificates"): lambda: cert.ListCertificatesRequest(),
        ("certificates", "LookupCertificate"): lambda: cert.LookupCertificateRequest(
            number=w["certificate"].number, holder_name="张伟"),
        ("certificates", "ListVerificationKeys"): lambda: cert.ListVerificationKeysRequest(),
        # CERT-3: the first allowed caller changes the status, the next ones get
        # FAILED_PRECONDITION (still allowed); revocation is final, so it comes last
        ("certificates", "SuspendCertificate"): lambda: cert.SuspendCertificateRequest(
            name=w["certificate"].name, reason="matrix"),
        ("certificates", "ReinstateCertificate"): lambda: cert.ReinstateCertificateRequest(
            name=w["certificate"].name, reason="matrix"),
        ("certificates", "RevokeCertificate"): lambda: cert.RevokeCertificateRequest(
            name=w["certificate"].name, revocation_reason=cert.REVOCATION_REASON_ISSUED_IN_ERROR,
            reason="matrix"),
        ("certificates", "ReplaceCertificate"): lambda: cert.ReplaceCertificateRequest(
            name=w["certificate"].name, reason="matrix"),
        ("certificates", "ListCertificateHistory"): lambda: cert.ListCertificateHistoryRequest(
            name=w["certificate"].name),
        ("certificates", "VerifyCertificate"): lambda: cert.VerifyCertificateRequest(
            credential_json=w["certificate"].credential_json),
        **{(service, "ListAuditRecords"): audit_records(service) for service in POLICIES},
        ("training", "CreateTrainingClass"): lambda: trn.CreateTrainingClassRequest(
            training_class=trn.TrainingClass(
                institution=w["trainer"].name, class_code="矩阵班", occupation_code="3-02-02-00",
                level=3, purpose=w["class"].purpose, lessons=w["class"].lessons)),
        ("training", "FileTrainingClass"): lambda: trn.FileTrainingClassRequest(
            name=w["class"].name),
        ("training", "ReviewTrainingClass"): lambda: trn.ReviewTrainingClassRequest(
            name=w["class"].name, approved=False, reason="matrix"),
        ("training", "RecordInspectionVisit"): lambda: trn.RecordInspectionVisitRequest(
            training_class=w["class"].name, visit_date=today, inspector="矩阵", findings="matrix"),
        ("training", "EnrollTrainee"): lambda: trn.EnrollTraineeRequest(
            training_class=w["class"].name, person=w["person"].name),
        ("training", "ListTrainees"): lambda: trn.ListTraineesRequest(
            training_class=w["class"].name),
        ("training", "ApprovePaperSignIn"): lambda: trn.ApprovePaperSignInRequest(
            lesson=f"{w['class'].name}/lessons/1", reason="matrix"),
        ("training", "RecordAttendance"): lambda: trn.RecordAttendanceRequest(
            lesson=f"{w['class'].name}/lessons/1", person=w["person"].name,
            method=trn.SIGN_IN_METHOD_PLATFORM, minutes=60),
        ("training", "UploadEvidence"): lambda: iter([
            trn.UploadEvidenceRequest(metadata=trn.EvidenceMetadata(
                training_class=w["class"].name, kind=trn.EVIDENCE_KIND_GROUP_PHOTO,
                media_type="image/jpeg")),
            trn.UploadEvidenceRequest(chunk=builders.JPEG)]),
        ("training", "ListEvidence"): lambda: trn.ListEvidenceRequest(
            training_class=w["class"].name),
        ("training", "DeleteEvidence"): lambda: trn.DeleteEvidenceRequest(
            name=f"{w['class'].name}/evidence/matrix"),
        ("training", "CompleteTrainingClass"): lambda: trn.CompleteTrainingClassRequest(
            name=w["class"].name),
        ("training", "RequestClassChange"): lambda: trn.RequestClassChangeRequest(
            training_class=w["class"].name, kind=trn.CHANGE_KIND_MAKE_UP_LESSON, reason="matrix",
            lessons=w["class"].lessons[:1]),
        ("training", "DecideClassChange"): lambda: trn.DecideClassChangeRequest(
            name=f"{w['class'].name}/changes/1", approved=False, reason="matrix"),
        ("training", "ExportRoster"): lambda: trn.ExportRosterRequest(
            training_class=w["class"].name, format=trn.ROSTER_FORMAT_CSV),
        ("training", "GetTrainingReport"): lambda: trn.GetTrainingReportRequest(
            region_code="220100", year=today.year, quarter=1),
        ("training", "GetTrainingClass"): lambda: trn.GetTrainingClassRequest(
            name=w["class"].name),
        ("training", "ListTrainingClasses"): lambda: trn.ListTrainingClassesRequest(),
        ("certificates", "RegisterEmployer"): lambda: cert.RegisterEmployerRequest(
            employer=cert.Employer(display_name="矩阵保安服务公司", uscc=builders.uscc(),
                                   region_code="220102",
                                   webhook_url="https://hooks.invalid/anbao")),
        ("certificates", "GetEmployer"): lambda: cert.GetEmployerRequest(name=w["M"].name),
        # EMP-1: M watches it already (ALREADY_EXISTS, still allowed) until unwatched
        ("certificates", "WatchCertificate"): lambda: cert.WatchCertificateRequest(
            parent=w["M"].name, number=w["certificate"].number, holder_name="张伟"),
        ("certificates", "ListWatches"): lambda: cert.ListWatchesRequest(parent=w["M"].name),
        ("certificates", "UnwatchCertificate"): lambda: cert.UnwatchCertificateRequest(
            name=f"{w['M'].name}/watches/{w['certificate'].number}"),
        ("certificates", "ListDeliveries"): lambda: cert.ListDeliveriesRequest(
            parent=w["M"].name),
        # subsidies (TRN-5/6/11/12, INST-7): aimed at the class; a draft class answers
        # FAILED_PRECONDITION past the policy, which the matrix counts as let through
        ("training", "FileSubsidyClaim"): lambda: trn.FileSubsidyClaimRequest(
            parent=w["class"].name, subsidy_claim=trn.SubsidyClaim(
                person=w["person"].name, trainee_name="张伟", agreement=trn.SubsidyAgreement(
                    signed_date=today, document_sha256="ab" * 32,
                    declares_no_other_claim=True))),
        ("training", "ListSubsidyClaims"): lambda: trn.ListSubsidyClaimsRequest(
            parent=w["class"].name),
        ("training", "PubliciseSubsidyClaims"): lambda: trn.PubliciseSubsidyClaimsRequest(
            parent=w["class"].name, start_date=today),
        ("training", "RecordSubsidyObjection"): lambda: trn.RecordSubsidyObjectionRequest(
            name=f"{w['class'].name}/subsidyClaims/{w['person'].name.removeprefix('persons/')}",
            reason="matrix"),
        ("training", "DecideSubsidyObjection"): lambda: trn.DecideSubsidyObjectionRequest(
            name=f"{w['class'].name}/subsidyClaims/{w['person'].name.removeprefix('persons/')}",
            upheld=False, reason="matrix"),
        ("training", "PaySubsidyClaims"): lambda: trn.PaySubsidyClaimsRequest(
            parent=w["class"].name),
        ("training", "RecordTrainingFraud"): lambda: trn.RecordTrainingFraudRequest(
            parent=w["class"].name, reason="matrix", evidence="matrix"),
        ("certificates", "RotateSigningKey"): lambda: cert.RotateSigningKeyRequest(),
        ("certificates", "MarkSigningKeyCompromised"): lambda: cert.MarkSigningKeyCompromisedRequest(
            key="did:key:z6MkNoSuchKey#z6MkNoSuchKey", compromise_time=now),
    }


def audit_records(service: str):
    module = manifest.get(service).proto_module
    return lambda: module.ListAuditRecordsRequest()


def rpcs() -> list[tuple[str, str]]:
    return [(s.name, m.name) for s in manifest.SERVICES
            for m in s.proto_module.DESCRIPTOR.services_by_name[s.proto_service].methods]


def test_every_rpc_has_a_policy_row_and_a_request_here():
    for service, method in rpcs():
        assert method in POLICIES[service], f"{service}.{method} is not in its policy table"


async def test_authorisation_matrix_every_rpc_by_every_caller_class(system, backend):
    w = await world(system)
    make = requests(w)
    missing = [rpc for rpc in rpcs() if rpc not in make]
    assert not missing, f"no request for {missing}: add one, and its policy row"
    ids = {"A": w["A"].name, "B": w["B"].name, "E": w["E"], "F": w["F"], "M": w["M"].name,
           "N": f"employers/{builders.uscc()}"}
    # training's resources belong to the training institution: its confined callers in
    # scope are that institution's
    training_ids = {**ids, "A": w["trainer"].name}

    def caller_metadata(ids: dict) -> dict:
        metadata = {}
        for caller, (role, scope) in CALLERS.items():
            if role is not None:
                token = system.issuer.mint(f"matrix-{caller}", role, ids.get(scope, scope))
            elif scope == "anonymous":
                token = None
            else:
                token = special_token(scope, system.issuer)
            metadata[caller] = (("authorization", f"Bearer {token}"),) if token else ()
        return metadata
    metadata_of = {"training": caller_metadata(training_ids)}
    default_metadata = caller_metadata(ids)
    differences, table = [], []
    for service, method in rpcs():
        stubs = system.stubs()
        call = getattr(getattr(stubs, service), method)
        metadata = metadata_of.get(service, default_metadata)
        row = []
        for caller in CALLERS:
            want = expected(POLICIES[service], method, caller)
            try:
                await call(make[(service, method)](), metadata=metadata[caller], timeout=10)
                got = ALLOWED
            except grpc.aio.AioRpcError as exc:
                code = exc.code().name
                got = code if code in (DENIED, UNAUTHENTICATED) else ALLOWED
            row.append(got)
            if got != want:
                differences.append(f"{service}.{method} by {caller}: {got}, policy says {want}")
        table.append((f"{service}.{method}", row))
    assert not differences, "\n".join(differences)


async def test_aip211_a_confined_caller_cannot_tell_missing_from_not_its_own(system, backend):
    w = await world(system)
    missing = acc.GetInstitutionRequest(name="institutions/doesnotexist")
    not_its_own = acc.GetInstitutionRequest(name=w["A"].name)
    for role, scope in (("city_admin", "320500"), ("eval_org", w["B"].name)):
        stubs = system.stubs(role, scope)
        codes = []
        for request in (missing, not_its_own):
            with pytest.raises(grpc.aio.AioRpcError) as caught:
                await stubs.accreditation.GetInstitution(request, metadata=stubs.metadata)
            codes.append((caught.value.code(), caught.value.details()))
        assert codes[0] == codes[1] and codes[0][0] == grpc.StatusCode.PERMISSION_DENIED
    admin = system.stubs()
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await admin.accreditation.GetInstitution(missing, metadata=admin.metadata)
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND
