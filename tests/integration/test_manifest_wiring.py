"""The running system is the manifest's: each service's streams and subscriptions are the
events its entry says it publishes and consumes."""

from services import manifest


async def test_each_runtime_publishes_and_consumes_what_the_manifest_says(system):
    for entry in manifest.SERVICES:
        spec = system.runtimes()[entry.name].spec
        assert spec.name == entry.name
        assert [m.__name__ for m in spec.publishes] == list(entry.publishes)
        assert {s.event_cls.__module__ for s in spec.subscriptions} == set(entry.consumes)
