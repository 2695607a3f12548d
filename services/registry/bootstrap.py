"""The composition root of registry."""

from functools import partial

from anbao.registry.v1 import events_pb2
from servicekit import auditlisting, tokens
from servicekit.fieldcrypto import BlindIndexes, FieldCipher
from servicekit.messagebus import MessageBus
from servicekit.runtime import ServiceRuntime, ServiceSpec

from . import api, consumers, handlers, policy, talent_handlers
from .domain import rotation, talent_commands as t
from .adapters.orm import metadata
from .adapters.repository import Protector, RegistryRepositories
from .config import RegistrySettings
from .domain import commands as c

MESSAGE_HANDLERS = {
    c.RegisterPerson: handlers.register_person,
    c.GetPerson: handlers.get_person,
    c.SearchTalent: handlers.search_talent,
    c.UpdatePerson: handlers.update_person,
    c.ListPersonHistory: handlers.list_person_history,
    c.MergePersons: handlers.merge_persons,
    auditlisting.ListAuditRecords: auditlisting.list_audit_records,
    t.RecordEarlierCertificate: talent_handlers.record_earlier_certificate,
    t.RecordCadreAppointment: talent_handlers.record_cadre_appointment,
    t.SetListingConsent: talent_handlers.set_listing_consent,
    t.GetTalentProfile: talent_handlers.get_talent_profile,
    t.GetAnnualReport: talent_handlers.get_annual_report,
}


def protector_of(settings: RegistrySettings) -> Protector:
    """The data keys, every configured version (POOL-5 rotation)."""
    field_keys, index_keys = settings.protector_keys()
    return Protector(FieldCipher(field_keys, current=settings.field_key_id),
                     BlindIndexes(index_keys, current=settings.blind_index_key_id))


def thresholds(settings: RegistrySettings) -> rotation.Thresholds:
    """POOL-3's numbers from the settings."""
    return rotation.Thresholds(
        rotation_years=settings.cadre_rotation_years,
        rotation_hours=settings.cadre_rotation_hours,
        initial_hours=settings.cadre_initial_hours,
        initial_within_days=settings.cadre_initial_within_days)


def build(settings: RegistrySettings, verifier: tokens.TokenVerifier) -> ServiceRuntime:
    protector = protector_of(settings)
    spec = ServiceSpec(
        name="registry", metadata=metadata, policy=policy.POLICY,
        publishes=[events_pb2],
        repositories=partial(RegistryRepositories, protector=protector),
        servicers=lambda uow: api.servicers(MessageBus(uow, {
            **MESSAGE_HANDLERS,
            t.ListRotationTrainingDue: partial(talent_handlers.list_rotation_training_due,
                                               rules=thresholds(settings))})),
        subscriptions=consumers.SUBSCRIPTIONS)
    return ServiceRuntime(spec, settings, verifier)
