"""The person-lifecycle revision gives people registered before it a history and a
service history (POOL-1), on SQLite and PostgreSQL."""

from datetime import datetime, timezone

import sqlalchemy as sa

from servicekit import migrations

BEFORE = "3bcb7fc705b9"  # held certificate status, the revision before the lifecycle


def test_pool1_people_registered_before_the_lifecycle_get_their_histories(db_urls):
    url, location = db_urls["registry"], migrations.script_location("registry")
    migrations.upgrade(url, location, BEFORE)
    engine = sa.create_engine(url)
    person = sa.table("person", *(sa.column(c) for c in (
        "id", "full_name", "resident_id_index", "resident_id_cipher", "resident_id_masked",
        "gender", "phone_cipher", "phone_masked", "region_code", "employer_unit", "industry",
        "created_at")))
    registered = datetime(2026, 3, 1, 8, 0, tzinfo=timezone.utc)
    with engine.begin() as conn:
        conn.execute(sa.insert(person), [
            {"id": pid, "full_name": "张伟", "resident_id_index": pid * 8, "resident_id_cipher": b"x",
             "resident_id_masked": "22**************29", "gender": 1, "phone_cipher": b"x",
             "phone_masked": "139****5678", "region_code": "220102", "employer_unit": unit,
             "industry": 3, "created_at": registered}
            for pid, unit in (("a1", "长春市第一中学"), ("b2", ""))])
    migrations.upgrade(url, location)
    with engine.connect() as conn:
        periods = conn.execute(sa.text(
            "SELECT person_id, employer_unit, start_date, end_date FROM employment_period")).all()
        changes = conn.execute(sa.text(
            "SELECT person_id, kind FROM person_change ORDER BY person_id")).all()
    engine.dispose()
    assert [(p[0], p[1], str(p[2])[:10], p[3]) for p in periods] == [
        ("a1", "长春市第一中学", "2026-03-01", None)]
    assert [tuple(c) for c in changes] == [("a1", 1), ("b2", 1)]
