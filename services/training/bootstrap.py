"""The composition root of training."""

from functools import partial

from anbao.training.v1 import events_pb2
from servicekit import auditlisting, tokens
from servicekit.grpcserver import channel_credentials
from servicekit.messagebus import MessageBus
from servicekit.runtime import ServiceRuntime, ServiceSpec

from . import api, consumers, handlers, policy, subsidy_handlers
from .adapters.accreditation_client import AccreditationClient
from .adapters.clock import Clock
from .adapters.media_store import MediaStore
from .adapters.registry_client import RegistryClient
from .adapters.orm import metadata
from .adapters.repository import TrainingRepositories
from .config import TrainingSettings
from .domain import commands as c
from .domain import subsidies, workdays
from .domain.plans import PlanRules


def rules_of(settings: TrainingSettings) -> PlanRules:
    return PlanRules(
        class_hour_minutes=settings.class_hour_minutes, min_class_hours=settings.min_class_hours,
        min_theory_percent=settings.min_theory_percent,
        max_practical_percent=settings.max_practical_percent,
        max_online_percent=settings.max_online_percent,
        min_cadre_initial_hours=settings.min_cadre_initial_hours,
        min_cadre_rotation_hours=settings.min_cadre_rotation_hours)


def message_handlers(institutions: handlers.Institutions, people: handlers.People,
                     rules: handlers.Rules, clock: Clock, store: MediaStore,
                     subsidy_rules: subsidy_handlers.SubsidyRules) -> dict:
    """Every message training handles, with its handler's dependencies bound."""
    return {
        **subsidy_handlers.message_handlers(subsidy_rules),
        c.CreateTrainingClass: partial(handlers.create_training_class,
                                       institutions=institutions, rules=rules.plan),
        c.FileTrainingClass: partial(handlers.file_training_class, institutions=institutions,
                                     clock=clock),
        c.EnrollTrainee: partial(handlers.enroll_trainee, people=people, clock=clock),
        c.ListTrainees: partial(handlers.list_trainees, rules=rules),
        c.ApprovePaperSignIn: handlers.approve_paper_sign_in,
        c.RecordAttendance: partial(handlers.record_attendance, clock=clock),
        c.EvidenceUpload: handlers.check_upload,
        c.RecordEvidence: handlers.record_evidence,
        c.ListEvidence: partial(handlers.list_evidence, rules=rules),
        c.DeleteEvidence: partial(handlers.delete_evidence, rules=rules, clock=clock,
                                  remove_bytes=store.remove),
        c.CompleteTrainingClass: partial(handlers.complete_training_class, rules=rules,
                                         clock=clock),
        c.ReviewTrainingClass: handlers.review_training_class,
        c.RecordInspectionVisit: handlers.record_inspection_visit,
        c.RequestClassChange: handlers.request_class_change,
        c.DecideClassChange: handlers.decide_class_change,
        c.ExportRoster: handlers.export_roster,
        c.GetTrainingReport: partial(handlers.training_report, rules=rules),
        c.GetTrainingClass: handlers.get_training_class,
        c.ListTrainingClasses: handlers.list_training_classes,
        auditlisting.ListAuditRecords: auditlisting.list_audit_records,
    }


def build(settings: TrainingSettings, verifier: tokens.TokenVerifier) -> ServiceRuntime:
    credentials = channel_credentials(settings)
    institutions = AccreditationClient(settings.accreditation_address,
                                       settings.accreditation_token,
                                       settings.call_deadline_seconds, credentials)
    people = RegistryClient(settings.registry_address, settings.registry_token,
                            settings.call_deadline_seconds, credentials)
    rules = handlers.Rules(rules_of(settings), settings.min_attendance_percent,
                           settings.archive_retention_years)
    clock = Clock()
    store = MediaStore(settings.media_path, settings.max_upload_bytes)
    # TRN-5/6/7: reference data, loaded (and checked) at start: a malformed file stops the
    # service; the subsidies read the service's clock too
    subsidy_rules = subsidy_handlers.SubsidyRules(
        subsidies.load(settings.subsidy_schedule_file or None), workdays.is_workday,
        clock.today)

    async def close_clients(_runtime):
        async def stop():
            institutions.close()
            people.close()
        return stop

    spec = ServiceSpec(
        name="training", metadata=metadata, policy=policy.POLICY,
        publishes=[events_pb2], repositories=TrainingRepositories,
        servicers=lambda uow: api.servicers(
            MessageBus(uow, message_handlers(institutions, people, rules, clock, store,
                                            subsidy_rules)),
            rules, store),
        subscriptions=consumers.SUBSCRIPTIONS,
        extras=[close_clients])
    runtime = ServiceRuntime(spec, settings, verifier)
    runtime.clock = clock  # tests walk a class through its weeks (adapters/clock.py)
    runtime.media = store  # and find the media store's files
    return runtime
