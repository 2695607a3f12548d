"""Who may call certificates' RPCs, and how far each role reaches (servicekit.auth).

An evaluation organisation reads the certificates it issued. A certificate records its
organisation's division (`region_code`, from AssessmentPassed), so a city admin changes
the status of (CERT-3), and reads the history of, certificates of organisations in its
division; other reads by city admins go through the public lookup. Verification is
public: anyone holding a credential may check it. An employer (employers/{uscc}) reaches
its own registration, watches and deliveries (EMP-5)."""

from servicekit.auth import PUBLIC, Reach

ANY, DIVISION, INSTITUTION, EMPLOYER = Reach.ANY, Reach.DIVISION, Reach.INSTITUTION, \
    Reach.EMPLOYER
READERS = {"province_admin": ANY, "eval_org": INSTITUTION, "auditor": ANY, "service": ANY}
STATUS_CHANGERS = {"province_admin": ANY, "city_admin": DIVISION}

POLICY = {
    "GetCertificate": READERS,
    "ListCertificates": READERS,
    "LookupCertificate": {PUBLIC: ANY},
    "ListVerificationKeys": {PUBLIC: ANY},
    "RotateSigningKey": {"province_admin": ANY},
    "MarkSigningKeyCompromised": {"province_admin": ANY},
    "SuspendCertificate": STATUS_CHANGERS,
    "ReinstateCertificate": STATUS_CHANGERS,
    "RevokeCertificate": STATUS_CHANGERS,
    "ReplaceCertificate": STATUS_CHANGERS,
    "ListCertificateHistory": {**READERS, **STATUS_CHANGERS},
    "VerifyCertificate": {PUBLIC: ANY},
    "ListAuditRecords": {"auditor": ANY},
    # employers (EMP-5): admins register them; each employer manages only its own
    # watchlist; its deliveries are readable by admins and auditors for support
    "RegisterEmployer": {"province_admin": ANY, "city_admin": DIVISION},
    "GetEmployer": {"province_admin": ANY, "city_admin": DIVISION, "auditor": ANY,
                    "employer": EMPLOYER},
    "WatchCertificate": {"employer": EMPLOYER},
    "UnwatchCertificate": {"employer": EMPLOYER},
    "ListWatches": {"province_admin": ANY, "auditor": ANY, "employer": EMPLOYER},
    "ListDeliveries": {"province_admin": ANY, "auditor": ANY, "employer": EMPLOYER},
}
