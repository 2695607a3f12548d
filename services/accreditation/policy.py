"""Who may call accreditation's RPCs, and how far each role reaches (servicekit.auth).

A city admin acts on institutions of its division; an institution sees and acts on its
own records only. Pre-appointment training (EVAL-2) is recorded by the province, which
runs it, so an organisation cannot certify the training of the evaluator it appoints."""

from servicekit.auth import Reach

ANY, DIVISION, INSTITUTION = Reach.ANY, Reach.DIVISION, Reach.INSTITUTION
ADMINS = {"province_admin": ANY, "city_admin": DIVISION}
READERS = {**ADMINS, "auditor": ANY, "service": ANY}
ORGANISATION = {"eval_org": INSTITUTION}

POLICY = {
    "CreateInstitution": ADMINS,
    "GetInstitution": {**READERS, **ORGANISATION, "training_org": INSTITUTION},
    "ListInstitutions": {**READERS, **ORGANISATION, "training_org": INSTITUTION},
    "ChangeInstitutionStatus": ADMINS,
    "RecordPreAppointmentTraining": {"province_admin": ANY},
    "AppointEvaluator": {**ADMINS, **ORGANISATION},
    "GetEvaluator": {**READERS, **ORGANISATION},
    "CreateExamSession": {**ADMINS, **ORGANISATION},
    "GetExamSession": {**READERS, **ORGANISATION},
    "AssignEvaluator": {**ADMINS, **ORGANISATION},
    "EnrollCandidate": {**ADMINS, **ORGANISATION},
    "RecordScores": ORGANISATION,
    "CloseExamSession": {"province_admin": ANY, **ORGANISATION},
    "ListAuditRecords": {"auditor": ANY},
}
