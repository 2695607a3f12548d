"""The events certificates consumes."""

from functools import partial

from anbao.accreditation.v1 import events_pb2 as accreditation_events
from servicekit.jetstream import Subscription

from . import handlers
from .adapters.keyring import KeyRing


def subscriptions(keys: KeyRing) -> list[Subscription]:
    return [Subscription(accreditation_events.AssessmentPassed,
                         partial(handlers.on_assessment_passed, keys=keys))]
