"""The events registry consumes."""

from anbao.certificates.v1 import events_pb2 as certificate_events
from anbao.training.v1 import events_pb2 as training_events
from servicekit.jetstream import Subscription

from . import handlers, talent_handlers

SUBSCRIPTIONS = [Subscription(certificate_events.CertificateIssued, handlers.on_certificate_issued),
                 Subscription(certificate_events.CertificateStatusChanged,
                              handlers.on_certificate_status_changed),
                 # the talent pool (issue 12, part 2)
                 Subscription(training_events.ClassCompleted, talent_handlers.on_class_completed),
                 Subscription(training_events.SubsidyPaid, talent_handlers.on_subsidy_paid)]
