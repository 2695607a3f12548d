"""The events training consumes: institutions' standing and teachers' qualification from
accreditation (INST-7, INST-4), and the completion certificates certificates issued for
its classes (CERT-2, for the roster)."""

from anbao.accreditation.v1 import events_pb2 as accreditation_events
from anbao.certificates.v1 import events_pb2 as certificate_events
from servicekit.jetstream import Subscription

from . import handlers

SUBSCRIPTIONS = [
    Subscription(accreditation_events.InstitutionStatusChanged,
                 handlers.on_institution_status_changed),
    Subscription(accreditation_events.InstitutionBlacklisted, handlers.on_institution_blacklisted),
    Subscription(accreditation_events.TeacherAssessed, handlers.on_teacher_assessed),
    Subscription(accreditation_events.TeacherQualified, handlers.on_teacher_qualified),
    Subscription(certificate_events.CertificateIssued, handlers.on_certificate_issued),
]
