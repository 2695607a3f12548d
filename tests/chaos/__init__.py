"""The fault suite (`make chaos`, `make chaos-smoke`; run as `python -m tests.chaos`, never
collected by pytest: no module here is named test_*).

It starts `anbao cluster up`'s shape (`anbaoctl.cluster.Cluster`: three JetStream nodes,
a PostgreSQL database per service, two replicas of each service) on ports and databases of
its own, issues passers while faults are injected, and then checks that nothing was lost
or issued twice. See `run` for the sequence and `invariants` for what is checked."""
