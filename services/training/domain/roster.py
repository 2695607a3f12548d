"""TRN-10 (003 附件1): the class roster (花名册), as rows in its fixed columns. The
personal data are the masked forms registry gives other services (POOL-5's exposure
policy): no service, and so no roster, holds a resident ID or phone in the clear."""

from .attendance import Trainee
from .classes import TrainingClass

COLUMNS = ("序号", "姓名", "性别", "身份证号", "手机", "专业(工种)", "证书编号", "培训日期", "班期")
GENDERS = {1: "男", 2: "女"}


def rows(k: TrainingClass, trainees: list[Trainee], certificates: dict[str, str]
         ) -> list[tuple[str, ...]]:
    """One row per trainee, in enrolment order; the completion certificate number once
    certificates has issued it (CERT-2), empty before."""
    dates = f"{k.start_date.isoformat()}至{k.end_date.isoformat()}"
    return [(str(i), t.person.full_name, GENDERS.get(t.person.gender, ""),
             t.person.resident_id_masked, t.person.phone_masked, k.occupation_name,
             certificates.get(t.person.person_id, ""), dates, k.class_code)
            for i, t in enumerate(trainees, start=1)]
