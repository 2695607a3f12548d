"""SQLite files hold personal data and certificates: only the service's user reads them."""

import stat

from sqlalchemy import text

from servicekit.db import make_engine


def test_sqlite_files_are_created_readable_by_their_owner_alone(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path}/data/service.db")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (a INTEGER)"))
    files = sorted(tmp_path.joinpath("data").iterdir())
    assert [f.name for f in files] == ["service.db", "service.db-shm", "service.db-wal"]
    assert {stat.S_IMODE(f.stat().st_mode) for f in files} == {0o600}
    engine.dispose()
