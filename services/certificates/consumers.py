"""The events certificates consumes."""

from functools import partial

from anbao.accreditation.v1 import events_pb2 as accreditation_events
from anbao.training.v1 import events_pb2 as training_events
from servicekit.jetstream import Subscription

from . import handlers


def subscriptions(issuing: handlers.Issuing) -> list[Subscription]:
    return [Subscription(accreditation_events.AssessmentPassed,
                         partial(handlers.on_assessment_passed, issuing=issuing)),
            Subscription(accreditation_events.InstitutionStatusChanged,
                         handlers.on_institution_status_changed),
            # CERT-2: a class's review passed: completion certificates for its trainees
            Subscription(training_events.ClassCompleted,
                         partial(handlers.on_class_completed, issuing=issuing))]
