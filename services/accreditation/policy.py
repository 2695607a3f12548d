"""Who may call accreditation's RPCs, and how far each role reaches (servicekit.auth).

A city admin acts on institutions of its division; an institution sees and acts on its
own records only. Pre-appointment training (EVAL-2) is recorded by the province, which
runs it, so an organisation cannot certify the training of the evaluator it appoints.

Scores are entered only by an evaluator (its token names one appointment) assigned to the
session; an appeal only by the evaluator it names. The first review of an application
(初审) is the organisation's, the second (复审) and the check of results (CERT-5) the
province's: the roles do not tell the police department from the human-resources one."""

from servicekit.auth import Reach

ANY, DIVISION, INSTITUTION = Reach.ANY, Reach.DIVISION, Reach.INSTITUTION
ADMINS = {"province_admin": ANY, "city_admin": DIVISION}
READERS = {**ADMINS, "auditor": ANY, "service": ANY}
ORGANISATION = {"eval_org": INSTITUTION}
EVALUATOR = {"evaluator": Reach.EVALUATOR}
PROVINCE = {"province_admin": ANY}

POLICY = {
    "CreateInstitution": ADMINS,
    "GetInstitution": {**READERS, **ORGANISATION, "training_org": INSTITUTION},
    "ListInstitutions": {**READERS, **ORGANISATION, "training_org": INSTITUTION},
    "ChangeInstitutionStatus": ADMINS,
    "RecordPreAppointmentTraining": {"province_admin": ANY},
    "AppointEvaluator": {**ADMINS, **ORGANISATION},
    "GetEvaluator": {**READERS, **ORGANISATION},
    "CreateExamSession": {**ADMINS, **ORGANISATION},
    "GetExamSession": {**READERS, **ORGANISATION, **EVALUATOR},
    "AssignEvaluator": {**ADMINS, **ORGANISATION},
    "EnrollCandidate": {**ADMINS, **ORGANISATION},
    "RecordScores": EVALUATOR,
    "CloseExamSession": {**PROVINCE, **ORGANISATION},
    "ListAuditRecords": {"auditor": ANY},
    "FirstReviewApplication": ORGANISATION,
    "SecondReviewApplication": PROVINCE,
    "RegisterExamSite": PROVINCE,
    "LaunchLevel": PROVINCE,
    "SignOffExamSession": ORGANISATION,
    "CheckExamResults": PROVINCE,
    "AppealResult": {**PROVINCE, **ORGANISATION},
    "DecideAppeal": EVALUATOR,
}
