"""The composition root of accreditation."""

from functools import partial

from anbao.accreditation.v1 import events_pb2
from servicekit import auditlisting, tokens
from servicekit.grpcserver import channel_credentials
from servicekit.messagebus import MessageBus
from servicekit.runtime import ServiceRuntime, ServiceSpec

from . import api, consumers, handlers, policy
from .adapters.orm import metadata
from .adapters.registry_client import RegistryClient
from .adapters.repository import AccreditationRepositories
from .config import AccreditationSettings
from .domain import assessment, commands as c, eligibility


def message_handlers(people: handlers.People, rules: handlers.Rules) -> dict:
    """Every message accreditation handles, with its handler's dependencies bound."""
    return {
        c.CreateInstitution: handlers.create_institution,
        c.GetInstitution: handlers.get_institution,
        c.ListInstitutions: handlers.list_institutions,
        c.ChangeInstitutionStatus: handlers.change_institution_status,
        c.RecordPreAppointmentTraining: partial(handlers.record_pre_appointment_training,
                                                people=people),
        c.AppointEvaluator: partial(handlers.appoint_evaluator, people=people, rules=rules),
        c.GetEvaluator: handlers.get_evaluator,
        c.CreateExamSession: partial(handlers.create_exam_session, rules=rules),
        c.GetExamSession: handlers.get_exam_session,
        c.AssignEvaluator: handlers.assign_evaluator,
        c.EnrollCandidate: partial(handlers.enroll_candidate, people=people, rules=rules),
        c.RecordScores: partial(handlers.record_scores, rules=rules),
        c.CloseExamSession: partial(handlers.close_exam_session, rules=rules),
        c.ReviewApplication: handlers.review_application,
        c.RegisterExamSite: handlers.register_exam_site,
        c.LaunchLevel: handlers.launch_level,
        c.SignOffExamSession: handlers.sign_off_exam_session,
        c.CheckExamResults: handlers.check_exam_results,
        c.AppealResult: handlers.appeal_result,
        c.DecideAppeal: partial(handlers.decide_appeal, rules=rules),
        auditlisting.ListAuditRecords: auditlisting.list_audit_records,
    }


def build(settings: AccreditationSettings, verifier: tokens.TokenVerifier) -> ServiceRuntime:
    people = RegistryClient(settings.registry_address, settings.registry_token,
                            settings.registry_deadline_seconds, channel_credentials(settings))
    # reference data, loaded (and checked) at start: a malformed file stops the service
    rules = handlers.Rules(settings.evaluator_term_years,
                           settings.guard_certificate_exemption_years,
                           eligibility.load(settings.eligibility_file),
                           assessment.load(settings.assessment_file))

    async def close_client(_runtime):
        async def stop():
            people.close()
        return stop

    spec = ServiceSpec(
        name="accreditation", metadata=metadata, policy=policy.POLICY,
        publishes=[events_pb2], repositories=AccreditationRepositories,
        servicers=lambda uow: api.servicers(MessageBus(uow, message_handlers(people, rules))),
        subscriptions=consumers.SUBSCRIPTIONS,
        extras=[close_client])
    return ServiceRuntime(spec, settings, verifier)
