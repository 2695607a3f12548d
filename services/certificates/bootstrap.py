"""The composition root of certificates."""

import asyncio
from datetime import timedelta
from functools import partial
from urllib.parse import urlsplit

from anbao.certificates.v1 import events_pb2
from servicekit import auditlisting, logs, tokens
from servicekit.fieldcrypto import FieldCipher
from servicekit.messagebus import MessageBus
from servicekit.runtime import ServiceRuntime, ServiceSpec

from . import api, consumers, contexts, employer_handlers, handlers, policy, public_http
from .adapters.keyring import KeyRing
from .adapters.orm import metadata
from .adapters.repository import CertificatesRepositories
from .adapters.webhook_dispatcher import WebhookDispatcher
from .config import CertificatesSettings
from .domain import commands as c
from .domain import verification_link
from .domain.lookup_budget import LookupBudget, LookupLimits
from .domain.webhooks import RetrySchedule

log = logs.get("certificates")


def message_handlers(keys: KeyRing, budget: LookupBudget, issuing: handlers.Issuing,
                     lists: handlers.StatusLists, webhook_secrets: FieldCipher) -> dict:
    return {
        c.GetCertificate: handlers.get_certificate,
        c.ListCertificates: handlers.list_certificates,
        c.LookupCertificate: partial(handlers.lookup, keys=keys, budget=budget),
        c.LookupByLink: partial(handlers.lookup_by_link, keys=keys, budget=budget),
        c.ListVerificationKeys: handlers.list_keys,
        c.SuspendCertificate: handlers.suspend_certificate,
        c.ReinstateCertificate: handlers.reinstate_certificate,
        c.RevokeCertificate: handlers.revoke_certificate,
        c.ReplaceCertificate: partial(handlers.replace_certificate, issuing=issuing),
        c.ListCertificateHistory: handlers.list_history,
        c.GetStatusList: partial(handlers.get_status_list, lists=lists),
        c.VerifyCertificate: partial(handlers.verify_certificate, keys=keys, lists=lists),
        c.RotateSigningKey: partial(handlers.rotate_signing_key, keys=keys),
        c.MarkSigningKeyCompromised: partial(handlers.mark_signing_key_compromised, keys=keys),
        auditlisting.ListAuditRecords: auditlisting.list_audit_records,
        c.RegisterEmployer: partial(employer_handlers.register_employer, cipher=webhook_secrets),
        c.GetEmployer: employer_handlers.get_employer,
        c.WatchCertificate: partial(employer_handlers.watch_certificate, budget=budget),
        c.UnwatchCertificate: employer_handlers.unwatch_certificate,
        c.ListWatches: employer_handlers.list_watches,
        c.ListDeliveries: employer_handlers.list_deliveries,
        c.BatchLookup: partial(employer_handlers.batch_lookup, keys=keys, budget=budget),
    }


def build(settings: CertificatesSettings, verifier: tokens.TokenVerifier) -> ServiceRuntime:
    context = contexts.document(settings.context_base)
    keys = KeyRing(settings.key_encryption_key,
                   timedelta(days=settings.signing_key_validity_days),
                   profile=settings.signature_profile,
                   loader=contexts.loader(settings.context_url, settings.context_base),
                   context_url=settings.context_url)
    # one budget for gRPC and HTTP lookups alike
    budget = LookupBudget(LookupLimits(settings.lookup_per_client_per_minute,
                                       settings.lookup_client_burst,
                                       settings.lookup_failures_per_number_per_hour))
    runtime: ServiceRuntime | None = None

    def public_base() -> str:
        """Configured, or this server's own HTTP address (port 0 is known once bound)."""
        port = settings.http_port or (runtime.http_port if runtime else 0)
        return settings.public_base_url or f"http://{settings.http_host}:{port}"

    issuing = handlers.Issuing(keys, public_base)
    lists = handlers.StatusLists(keys, public_base, settings.status_list_max_age_seconds)
    # employers' webhook secrets are sealed at rest like the signing keys
    webhook_secrets = FieldCipher({1: settings.key_encryption_key}, current=1)
    bus_handlers = message_handlers(keys, budget, issuing, lists, webhook_secrets)

    def load_keys(runtime: ServiceRuntime) -> None:
        with runtime.db.session() as session:
            keys.load(session)

    async def refresh_keys(runtime: ServiceRuntime):
        """Rotation and compromise recorded by another replica reach this one."""
        async def loop():
            while True:
                await asyncio.sleep(settings.key_refresh_seconds)
                try:
                    await asyncio.to_thread(load_keys, runtime)
                except Exception:  # the next round tries again; lookups keep serving
                    log.exception("could not refresh the signing keys")

        task = asyncio.create_task(loop())

        async def stop():
            task.cancel()
        return stop

    async def serve_http(runtime: ServiceRuntime):
        runner, runtime.http_port = await public_http.start(
            public_http.make_app(MessageBus(runtime.uow, bus_handlers),
                                 public_http.ClientAddress(settings.trusted_proxies,
                                                           settings.client_address_header),
                                 lambda: runtime.supervisor.down,
                                 settings.status_list_max_age_seconds,
                                 (urlsplit(settings.context_url).path, context),
                                 link_key=verification_link.link_key(
                                     settings.key_encryption_key),
                                 public_base=public_base, verifier=runtime.verifier),
            settings.http_host, settings.http_port)
        return runner.cleanup

    async def dispatch_webhooks(runtime: ServiceRuntime):
        """EMP-2: under the supervisor, so a dead dispatcher shows in health and restarts."""
        dispatcher = WebhookDispatcher(
            runtime.uow, webhook_secrets, RetrySchedule(
                base=timedelta(seconds=settings.webhook_retry_base_seconds),
                cap=timedelta(seconds=settings.webhook_retry_cap_seconds),
                window=timedelta(hours=settings.webhook_retry_window_hours)),
            allow_loopback_http=settings.webhook_allow_loopback_http,
            poll_seconds=settings.webhook_poll_seconds,
            timeout_seconds=settings.webhook_timeout_seconds)
        runtime.supervisor.start("webhook-dispatcher", dispatcher.run)

        async def stop():  # the supervisor stops it with the other background parts
            pass
        return stop

    spec = ServiceSpec(
        name="certificates", metadata=metadata, policy=policy.POLICY,
        publishes=[events_pb2], repositories=CertificatesRepositories,
        servicers=lambda uow: api.servicers(MessageBus(uow, bus_handlers),
                                            settings.webhook_allow_loopback_http),
        subscriptions=consumers.subscriptions(issuing),
        prepare=load_keys, extras=[serve_http, refresh_keys, dispatch_webhooks])
    runtime = ServiceRuntime(spec, settings, verifier)
    return runtime
