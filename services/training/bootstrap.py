"""The composition root of training."""

from functools import partial

from anbao.training.v1 import events_pb2
from servicekit import auditlisting, tokens
from servicekit.grpcserver import channel_credentials
from servicekit.messagebus import MessageBus
from servicekit.runtime import ServiceRuntime, ServiceSpec

from . import api, consumers, handlers, policy, subsidy_handlers
from .adapters.accreditation_client import AccreditationClient
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


def message_handlers(institutions: handlers.Institutions, rules: PlanRules,
                     subsidy_rules: subsidy_handlers.SubsidyRules) -> dict:
    """Every message training handles, with its handler's dependencies bound."""
    return {
        **subsidy_handlers.message_handlers(subsidy_rules),
        c.CreateTrainingClass: partial(handlers.create_training_class,
                                       institutions=institutions, rules=rules),
        c.FileTrainingClass: partial(handlers.file_training_class, institutions=institutions),
        c.ReviewTrainingClass: handlers.review_training_class,
        c.RecordInspectionVisit: handlers.record_inspection_visit,
        c.GetTrainingClass: handlers.get_training_class,
        c.ListTrainingClasses: handlers.list_training_classes,
        auditlisting.ListAuditRecords: auditlisting.list_audit_records,
    }


def build(settings: TrainingSettings, verifier: tokens.TokenVerifier) -> ServiceRuntime:
    institutions = AccreditationClient(settings.accreditation_address,
                                       settings.accreditation_token,
                                       settings.call_deadline_seconds,
                                       channel_credentials(settings))
    rules = rules_of(settings)
    # reference data, loaded (and checked) at start: a malformed file stops the service
    subsidy_rules = subsidy_handlers.SubsidyRules(
        subsidies.load(settings.subsidy_schedule_file or None), workdays.is_workday)

    async def close_clients(_runtime):
        async def stop():
            institutions.close()
        return stop

    spec = ServiceSpec(
        name="training", metadata=metadata, policy=policy.POLICY,
        publishes=[events_pb2], repositories=TrainingRepositories,
        servicers=lambda uow: api.servicers(MessageBus(uow, message_handlers(institutions, rules,
                                                                             subsidy_rules)),
                                            rules),
        subscriptions=consumers.SUBSCRIPTIONS,
        extras=[close_clients])
    return ServiceRuntime(spec, settings, verifier)
