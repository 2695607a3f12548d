"""Who may call training's RPCs, and how far each role reaches (servicekit.auth).

A training institution (training_org) plans and files its own classes and nobody else's;
the police review them (TRN-3) — the province, or a city admin for classes of its
division, acting for the police department; the departments and auditors read."""

from servicekit.auth import Reach

ANY, DIVISION, INSTITUTION = Reach.ANY, Reach.DIVISION, Reach.INSTITUTION
READERS = {"province_admin": ANY, "city_admin": DIVISION, "auditor": ANY, "service": ANY}
INSTITUTION_ITSELF = {"training_org": INSTITUTION}
# the department is checked by the handler (a FAILED_PRECONDITION naming TRN-3)
POLICE = {"province_admin": ANY, "city_admin": DIVISION}
# the departments act on subsidies (TRN-6) and fraud (INST-7)
DEPARTMENTS = {"province_admin": ANY, "city_admin": DIVISION}

POLICY = {
    "CreateTrainingClass": INSTITUTION_ITSELF,
    "FileTrainingClass": INSTITUTION_ITSELF,               # TRN-2
    "ReviewTrainingClass": POLICE,                          # TRN-3, police department only
    "RecordInspectionVisit": POLICE,                        # TRN-3
    "EnrollTrainee": INSTITUTION_ITSELF,                    # TRN-9, TRN-12
    "ListTrainees": {**READERS, **INSTITUTION_ITSELF},
    "ApprovePaperSignIn": POLICE,                           # TRN-9
    "RecordAttendance": INSTITUTION_ITSELF,                 # TRN-9
    "UploadEvidence": INSTITUTION_ITSELF,                   # TRN-4
    "ListEvidence": {**READERS, **INSTITUTION_ITSELF},
    # TRN-7: nothing under retention is deleted; afterwards the province clears it
    "DeleteEvidence": {"province_admin": ANY},
    "CompleteTrainingClass": POLICE,                        # CERT-2, the completion review
    "RequestClassChange": INSTITUTION_ITSELF,               # TRN-8
    "DecideClassChange": POLICE,                            # TRN-8
    # TRN-10: masked for everyone (registry gives services only the masked forms)
    "ExportRoster": {**READERS, **INSTITUTION_ITSELF},
    "GetTrainingReport": {"province_admin": ANY, "city_admin": DIVISION, "auditor": ANY},  # POOL-4
    "GetTrainingClass": {**READERS, **INSTITUTION_ITSELF},
    "ListTrainingClasses": {**READERS, **INSTITUTION_ITSELF},
    "ListAuditRecords": {"auditor": ANY},
    # subsidies: the institution claims for its trainees (TRN-12); the departments
    # publicise, decide objections and pay (TRN-6), and record fraud (INST-7)
    "FileSubsidyClaim": INSTITUTION_ITSELF,
    "ListSubsidyClaims": {**READERS, **INSTITUTION_ITSELF},
    "PubliciseSubsidyClaims": DEPARTMENTS,
    "RecordSubsidyObjection": DEPARTMENTS,
    "DecideSubsidyObjection": DEPARTMENTS,
    "PaySubsidyClaims": DEPARTMENTS,
    "RecordTrainingFraud": DEPARTMENTS,
}
