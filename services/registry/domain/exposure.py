"""Who sees which personal data of a person (POOL-5), as data.

| role | persons | resident ID | birth date | name, gender, region, phone |
| --- | --- | --- | --- | --- |
| province_admin | all | `1101**********002X` (first 4, last 4) | yes | name, gender, region, `139****5678` |
| city_admin | its division | `11**************2X` (first 2, last 2) | no | the same |
| auditor, service | all | `11**************2X` | no | the same |
| eval_org, training_org | none (registering a known person tells only `persons/{id}`) | — | — | — |
| public (certificate lookup) | the holder of a number, given the name | `11**************2X` | no | `张*` |

Only the province's answers are built from the decrypted resident ID; what is stored in
the clear (the everyday mask, gender, region) and every other answer leaves at least
10,000 candidate resident IDs (`tests/integration/test_reidentification.py`)."""

REVEALED_TO = frozenset({"province_admin"})  # sees the register form and the birth date
REVEALED_FIELDS = ("resident_id (first 4, last 4)", "birth_date")  # audited as read


def reveals(role: str) -> bool:
    return role in REVEALED_TO
