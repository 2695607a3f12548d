"""Who may call accreditation's RPCs, and how far each role reaches (servicekit.auth).

A city admin acts on institutions of its division; an institution sees and acts on its
own records only. Pre-appointment training (EVAL-2) is recorded by the province, which
runs it, so an organisation cannot certify the training of the evaluator it appoints.

The annual assessment of evaluators (EVAL-3 年度考核) is recorded by the departments —
the province, or a city admin for organisations of its division (001 §四(六): 各级公安机关、
人社部门 run the evaluator system) — never by the organisation that appointed the evaluator
and would judge its own staff. Pass-rate monitoring is the province's (评价发证审核关).

Scores are entered only by an evaluator (its token names one appointment) assigned to the
session; an appeal only by the evaluator it names. The first review of an application
(初审) is the organisation's, the second (复审) and the check of results (CERT-5) the
province's."""

from servicekit.auth import PUBLIC, Reach

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
    "RenewEvaluator": {**ADMINS, **ORGANISATION},
    "RecordAnnualAssessment": ADMINS,
    "ListEvaluators": {**READERS, **ORGANISATION},
    "SetEvaluatorAffiliations": {**ADMINS, **ORGANISATION},
    "ListPassRates": {"province_admin": ANY},
    "ListPassRateAnomalies": {"province_admin": ANY},
    # INST-1: calls are public notices; the departments (a city in its division, in the
    # promotion phase) solicit, decide jointly and publish
    "CreateCallForApplications": ADMINS,
    "GetCallForApplications": {PUBLIC: ANY},
    "DecideApplication": ADMINS,
    "CloseCallForApplications": ADMINS,
    "PublishCallResult": ADMINS,
    "CheckSeparation": ADMINS,
    "SetQuotaPhase": {"province_admin": ANY},  # INST-3: the phase is the province's
    # INST-4: the departments register the teachers who sit the provincial assessment,
    # which the province (内保总队) runs and records; the training service learns the
    # results from events, so institutions need no read of their own here
    "RegisterTeacher": ADMINS,
    "RecordTeacherAssessment": {"province_admin": ANY},
    "GetTeacher": READERS,
    # INST-5: the province appoints supervisors; visits are recorded by the departments
    "AppointSupervisor": {"province_admin": ANY},
    "RecordSupervisionVisit": ADMINS,
    "GetSupervisionBulletin": {**ADMINS, "auditor": ANY},
    "RecordTrainingLicence": ADMINS,       # INST-6: the police issue the licence
    "BlacklistInstitution": ADMINS,        # INST-7
    "RecordQualityAssessment": ADMINS,     # INST-8
}
