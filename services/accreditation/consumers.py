"""The events accreditation consumes: the certificates people hold (ASMT-5 routes), and
fraud found in a training class (INST-7: the blacklist)."""

from anbao.certificates.v1 import events_pb2 as certificate_events
from anbao.training.v1 import events_pb2 as training_events
from servicekit.jetstream import Subscription

from . import handlers

SUBSCRIPTIONS = [Subscription(certificate_events.CertificateIssued, handlers.on_certificate_issued),
                 Subscription(certificate_events.CertificateStatusChanged,
                              handlers.on_certificate_status_changed),
                 Subscription(training_events.FraudFound, handlers.on_fraud_found)]
