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
from .domain import quotas
from .domain.evaluators import AssessmentSchedule
from .domain.pass_rates import Monitoring


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
        c.AssignEvaluator: partial(handlers.assign_evaluator, rules=rules),
        c.EnrollCandidate: partial(handlers.enroll_candidate, people=people, rules=rules),
        c.RecordScores: partial(handlers.record_scores, rules=rules),
        c.CloseExamSession: partial(handlers.close_exam_session, rules=rules),
        c.ReviewApplication: handlers.review_application,
        c.RegisterExamSite: handlers.register_exam_site,
        c.LaunchLevel: handlers.launch_level,
        c.SignOffExamSession: handlers.sign_off_exam_session,
        c.CheckExamResults: handlers.check_exam_results,
        c.AppealResult: partial(handlers.appeal_result, rules=rules),
        c.DecideAppeal: partial(handlers.decide_appeal, rules=rules),
        auditlisting.ListAuditRecords: auditlisting.list_audit_records,
        c.RenewEvaluator: partial(handlers.renew_evaluator, rules=rules),
        c.RecordAnnualAssessment: partial(handlers.record_annual_assessment, rules=rules),
        c.ListEvaluators: partial(handlers.list_evaluators, rules=rules),
        c.SetEvaluatorAffiliations: handlers.set_evaluator_affiliations,
        c.ListPassRates: partial(handlers.list_pass_rates, rules=rules),
        c.CreateCallForApplications: handlers.create_call_for_applications,
        c.GetCallForApplications: handlers.get_call_for_applications,
        c.DecideApplication: partial(handlers.decide_application, rules=rules),
        c.PublishCallResult: handlers.publish_call_result,
        c.CloseCallForApplications: handlers.close_call_for_applications,
        c.CheckSeparation: handlers.check_separation,
        c.SetQuotaPhase: partial(handlers.set_quota_phase, rules=rules),
        c.RegisterTeacher: partial(handlers.register_teacher, people=people),
        c.RecordTeacherAssessment: handlers.record_teacher_assessment,
        c.GetTeacher: handlers.get_teacher,
        c.AppointSupervisor: partial(handlers.appoint_supervisor, people=people, rules=rules),
        c.RecordSupervisionVisit: handlers.record_supervision_visit,
        c.GetSupervisionBulletin: handlers.get_supervision_bulletin,
        c.RecordTrainingLicence: handlers.record_training_licence,
        c.BlacklistInstitution: handlers.blacklist_institution,
        c.FraudFound: handlers.fraud_found,
        c.RecordQualityAssessment: handlers.record_quality_assessment,
    }


def rules_of(settings: AccreditationSettings) -> handlers.Rules:
    month, day = settings.assessment_deadline
    return handlers.Rules(
        evaluator_term_years=settings.evaluator_term_years,
        guard_certificate_exemption_years=settings.guard_certificate_exemption_years,
        assessment_schedule=AssessmentSchedule(month, day,
                                               settings.evaluator_assessment_pass_mark),
        # reference data, loaded (and checked) at start: a malformed file stops the service
        eligibility=eligibility.load(settings.eligibility_file),
        assessment=assessment.load(settings.assessment_file),
        monitoring=Monitoring(settings.pass_rate_alpha, settings.pass_rate_min_candidates),
        supervisor_term_years=settings.supervisor_term_years,
        quota_table=quotas.load_table(settings.quota_file))


def build(settings: AccreditationSettings, verifier: tokens.TokenVerifier) -> ServiceRuntime:
    people = RegistryClient(settings.registry_address, settings.registry_token,
                            settings.registry_deadline_seconds, channel_credentials(settings))
    rules = rules_of(settings)

    async def close_client(_runtime):
        async def stop():
            people.close()
        return stop

    spec = ServiceSpec(
        name="accreditation", metadata=metadata, policy=policy.POLICY,
        publishes=[events_pb2], repositories=AccreditationRepositories,
        servicers=lambda uow: api.servicers(MessageBus(uow, message_handlers(people, rules)),
                                            rules.assessment_schedule, rules.monitoring.alpha,
                                            rules.quota_table),
        subscriptions=consumers.SUBSCRIPTIONS,
        extras=[close_client])
    return ServiceRuntime(spec, settings, verifier)
