"""Who may call registry's RPCs, and how far each role reaches (servicekit.auth).

Institutions register the people they train or examine, but never read a person back:
registering someone already known tells them only the person's resource name."""

from servicekit.auth import Reach

ANY, DIVISION, INSTITUTION = Reach.ANY, Reach.DIVISION, Reach.INSTITUTION

POLICY = {
    "RegisterPerson": {"province_admin": ANY, "city_admin": DIVISION, "eval_org": INSTITUTION,
                       "training_org": INSTITUTION, "service": ANY},
    "GetPerson": {"province_admin": ANY, "city_admin": DIVISION, "auditor": ANY, "service": ANY},
    "SearchTalent": {"province_admin": ANY, "city_admin": DIVISION, "auditor": ANY,
                     "service": ANY},
    "ListAuditRecords": {"auditor": ANY},
    # person lifecycle (issue 12, part 1)
    "UpdatePerson": {"province_admin": ANY, "city_admin": DIVISION, "service": ANY},
    "ListPersonHistory": {"province_admin": ANY, "city_admin": DIVISION, "auditor": ANY},
    "MergePersons": {"province_admin": ANY},
    # talent pool facts, due lists and reports (POOL-1..4)
    "RecordEarlierCertificate": {"province_admin": ANY, "city_admin": DIVISION, "service": ANY},
    "RecordCadreAppointment": {"province_admin": ANY, "city_admin": DIVISION, "service": ANY},
    "SetListingConsent": {"province_admin": ANY, "city_admin": DIVISION, "service": ANY},
    "GetTalentProfile": {"province_admin": ANY, "city_admin": DIVISION, "auditor": ANY,
                         "service": ANY},
    "ListRotationTrainingDue": {"province_admin": ANY, "city_admin": DIVISION, "auditor": ANY,
                                "service": ANY},
    "GetAnnualReport": {"province_admin": ANY, "city_admin": DIVISION, "auditor": ANY},
}
