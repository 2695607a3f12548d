"""training's aggregates to and from its rows, and what it learned from other services'
events."""

import json
from datetime import date, datetime, timezone

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from servicekit import divisions, paging
from servicekit.errors import NotFound
from servicekit.repository import Repositories, Repository

from ..domain.classes import (COMPLETED, ChangeRequest, InspectionVisit, Lesson, Review, TeacherFacts,
                              TrainingClass)
from ..domain.attendance import SignIn, Trainee, TraineeFacts
from ..domain.evidence import EvidenceItem
from .orm import (ChangeRequestRow, CompletionCertificateRow, InspectionVisitRow, InstitutionStandingRow,
                  EvidenceRow, LessonRow, PaperSignInRow, SignInRow, TeacherRow, TraineeRow,
                  TrainingClassRow)
from .subsidy_repository import SubsidyBooks


class Classes(Repository[TrainingClass]):
    def get(self, class_id: str, lock: bool = False) -> TrainingClass:
        """The class; `lock` holds its row until the transaction ends, so two changes of
        one class apply one after the other (PostgreSQL; SQLite writes are serial)."""
        row = self.session.get(TrainingClassRow, class_id, with_for_update=lock or None)
        if row is None:
            raise NotFound(f"classes/{class_id} does not exist")
        return self._track(self._load(row))

    def page(self, page: paging.Page, *, division: str = "", institution: str = "",
             state: int = 0) -> tuple[list[TrainingClass], str]:
        stmt = select(TrainingClassRow)
        if division:
            stmt = stmt.where(TrainingClassRow.region_code.startswith(
                divisions.division_prefix(division)))
        if institution:
            stmt = stmt.where(TrainingClassRow.institution_id == institution)
        if state:
            stmt = stmt.where(TrainingClassRow.state == state)
        rows, token = paging.fetch_page(self.session, stmt, TrainingClassRow.id, page)
        return [self._load(r) for r in rows], token

    def completed_between(self, region: str, first: date, last: date) -> list[TrainingClass]:
        """POOL-4: completed classes of a division that ended within [first, last]."""
        rows = self.session.scalars(select(TrainingClassRow).where(
            TrainingClassRow.state == COMPLETED,
            TrainingClassRow.region_code.startswith(divisions.division_prefix(region)),
            TrainingClassRow.end_date >= first, TrainingClassRow.end_date <= last)
            .order_by(TrainingClassRow.id)).all()
        return [self._load(r) for r in rows]

    def _load(self, row: TrainingClassRow) -> TrainingClass:
        lessons = self.session.scalars(select(LessonRow).where(LessonRow.class_id == row.id)
                                       .order_by(LessonRow.number)).all()
        visits = self.session.scalars(select(InspectionVisitRow).where(
            InspectionVisitRow.class_id == row.id).order_by(InspectionVisitRow.number)).all()
        review = None if row.review_approved is None else Review(
            row.review_approved, row.review_reason, row.reviewed_by, row.reviewed_at)
        changes = self.session.scalars(select(ChangeRequestRow).where(
            ChangeRequestRow.class_id == row.id).order_by(ChangeRequestRow.number)).all()
        return TrainingClass(
            id=row.id, institution_id=row.institution_id, institution_name=row.institution_name,
            region_code=row.region_code, class_code=row.class_code,
            occupation_code=row.occupation_code, occupation_name=row.occupation_name,
            level=row.level, purpose=row.purpose,
            lessons=[Lesson(x.number, x.title, x.lesson_date, x.minutes, x.kind, x.mode,
                            x.teacher_id) for x in lessons],
            state=row.state, created_at=row.created_at, created_by=row.created_by,
            filed_at=row.filed_at, filing_deadline=row.filing_deadline, review=review,
            visits=[InspectionVisit(v.number, v.visit_date, v.inspector, v.findings,
                                    v.recorded_by, v.recorded_at) for v in visits],
            changes=[ChangeRequest(x.number, x.kind, x.reason, _lessons_of(x.lessons_json),
                                   x.requested_by, x.requested_at, x.state, x.decided_by,
                                   x.decision_reason, x.decided_at) for x in changes],
            paper_lessons=set(self.session.scalars(select(PaperSignInRow.lesson_number).where(
                PaperSignInRow.class_id == row.id)).all()))

    def _write(self, c: TrainingClass) -> None:
        row = self.session.get(TrainingClassRow, c.id)
        if row is None:
            row = TrainingClassRow(id=c.id, institution_id=c.institution_id,
                                   institution_name=c.institution_name,
                                   region_code=c.region_code, class_code=c.class_code,
                                   occupation_code=c.occupation_code,
                                   occupation_name=c.occupation_name, level=c.level,
                                   purpose=c.purpose, state=c.state, start_date=c.start_date,
                                   end_date=c.end_date, created_at=c.created_at,
                                   created_by=c.created_by)
            self.session.add(row)
        row.state, row.start_date, row.end_date = c.state, c.start_date, c.end_date
        row.filed_at, row.filing_deadline = c.filed_at, c.filing_deadline
        if c.review is not None:
            row.review_approved, row.review_reason = c.review.approved, c.review.reason
            row.reviewed_by, row.reviewed_at = c.review.reviewer, c.review.at
        for x in c.changes:
            row = self.session.get(ChangeRequestRow, (c.id, x.number))
            if row is None:
                row = ChangeRequestRow(class_id=c.id, number=x.number, kind=x.kind,
                                       reason=x.reason, lessons_json="", state=x.state,
                                       requested_by=x.requested_by, requested_at=x.requested_at)
                self.session.add(row)
            row.lessons_json, row.state = _lessons_json(x.lessons), x.state
            row.decided_by, row.decision_reason = x.decided_by, x.decision_reason
            row.decided_at = x.decided_at
        known = set(self.session.scalars(select(InspectionVisitRow.number).where(
            InspectionVisitRow.class_id == c.id)).all())
        for v in c.visits:
            if v.number not in known:
                self.session.add(InspectionVisitRow(
                    class_id=c.id, number=v.number, visit_date=v.visit_date,
                    inspector=v.inspector, findings=v.findings, recorded_by=v.recorded_by,
                    recorded_at=v.at))
        stored = set(self.session.scalars(select(LessonRow.number).where(
            LessonRow.class_id == c.id)).all())
        for x in c.lessons:  # lessons are only ever added (TRN-8 make-up lessons)
            if x.number not in stored:
                self.session.add(LessonRow(class_id=c.id, number=x.number, title=x.title,
                                           lesson_date=x.lesson_date, minutes=x.minutes,
                                           kind=x.kind, mode=x.mode, teacher_id=x.teacher_id))


class TrainingRepositories(Repositories):
    def __init__(self, session):
        super().__init__(session)
        self.classes = Classes(session)
        self.learned = Learned(session)
        self.subsidies = SubsidyBooks(session)  # TRN-5/6/7/11/12, INST-7
        self.attendance = Attendance(session)
        self.evidence = Evidence(session)


class Evidence(Repository[None]):
    """TRN-4 evidence metadata (the bytes are in the media store)."""

    def of_class(self, class_id: str) -> list[EvidenceItem]:
        rows = self.session.scalars(select(EvidenceRow).where(EvidenceRow.class_id == class_id)
                                    .order_by(EvidenceRow.uploaded_at, EvidenceRow.id))
        return [_item(r) for r in rows]

    def get(self, class_id: str, item_id: str) -> EvidenceItem:
        row = self.session.get(EvidenceRow, item_id)
        if row is None or row.class_id != class_id:
            raise NotFound(f"classes/{class_id}/evidence/{item_id} does not exist")
        return _item(row)

    def add(self, i: EvidenceItem) -> None:
        self.session.add(EvidenceRow(
            id=i.id, class_id=i.class_id, kind=i.kind, lesson_number=i.lesson_number,
            person_id=i.person_id, duration_seconds=i.duration_seconds, sha256=i.sha256,
            size_bytes=i.size_bytes, media_type=i.media_type, uploaded_by=i.uploaded_by,
            uploaded_at=i.uploaded_at))
        self.touched.add(i.name)

    def delete(self, i: EvidenceItem) -> bool:
        """Removes the metadata; True when no other item holds the same bytes."""
        self.session.delete(self.session.get(EvidenceRow, i.id))
        self.touched.add(i.name)
        self.session.flush()
        return self.session.scalars(select(EvidenceRow.id).where(
            EvidenceRow.sha256 == i.sha256)).first() is None

    def _write(self, aggregate) -> None:
        pass


def _item(r: EvidenceRow) -> EvidenceItem:
    return EvidenceItem(r.id, r.class_id, r.kind, r.lesson_number, r.person_id,
                        r.duration_seconds, r.sha256, r.size_bytes, r.media_type, r.uploaded_by,
                        r.uploaded_at)


class Attendance(Repository[None]):
    """Trainees, their sign-ins and the paper sign-ins the police allowed (TRN-9)."""

    def trainees(self, class_id: str) -> list[Trainee]:
        rows = self.session.scalars(select(TraineeRow).where(TraineeRow.class_id == class_id)
                                    .order_by(TraineeRow.enrolled_at, TraineeRow.person_id))
        return [Trainee(r.class_id, TraineeFacts(r.person_id, r.full_name, r.gender,
                                                 r.resident_id_masked, r.phone_masked),
                        r.enrolled_at) for r in rows]

    def is_enrolled(self, class_id: str, person_id: str) -> bool:
        return self.session.get(TraineeRow, (class_id, person_id)) is not None

    def enrol(self, trainee: Trainee) -> None:
        p = trainee.person
        self.session.add(TraineeRow(class_id=trainee.class_id, person_id=p.person_id,
                                    full_name=p.full_name, gender=p.gender,
                                    resident_id_masked=p.resident_id_masked,
                                    phone_masked=p.phone_masked, enrolled_at=trainee.enrolled_at))
        self.touched.add(trainee.name)

    def sign_ins(self, class_id: str) -> list[SignIn]:
        rows = self.session.scalars(select(SignInRow).where(SignInRow.class_id == class_id))
        return [SignIn(r.class_id, r.lesson_number, r.person_id, r.method, r.minutes,
                       r.recorded_by, r.recorded_at) for r in rows]

    def has_signed_in(self, class_id: str, lesson_number: int, person_id: str) -> bool:
        return self.session.get(SignInRow, (class_id, lesson_number, person_id)) is not None

    def record(self, s: SignIn) -> None:
        self.session.add(SignInRow(class_id=s.class_id, lesson_number=s.lesson_number,
                                   person_id=s.person_id, method=s.method, minutes=s.minutes,
                                   recorded_by=s.recorded_by, recorded_at=s.at))
        self.touched.add(f"classes/{s.class_id}/trainees/{s.person_id}")

    def paper_approved(self, class_id: str, lesson_number: int) -> bool:
        return self.session.get(PaperSignInRow, (class_id, lesson_number)) is not None

    def approve_paper(self, class_id: str, lesson_number: int, reason: str, actor: str,
                      at: datetime) -> bool:
        if self.paper_approved(class_id, lesson_number):
            return False
        self.session.add(PaperSignInRow(class_id=class_id, lesson_number=lesson_number,
                                        reason=reason, approved_by=actor, approved_at=at))
        self.touched.add(f"classes/{class_id}/lessons/{lesson_number}")
        return True

    def paper_lessons(self, class_id: str) -> set[int]:
        return set(self.session.scalars(select(PaperSignInRow.lesson_number).where(
            PaperSignInRow.class_id == class_id)).all())

    def _write(self, aggregate) -> None:
        pass


class Learned(Repository[None]):
    """What training keeps of other services' events: institutions' standing (INST-7),
    teachers' qualification (INST-4), trainees' completion certificates (TRN-10). Rows,
    not aggregates: each method writes its row and names what it touched."""

    def standing(self, institution_id: str) -> InstitutionStandingRow | None:
        return self.session.get(InstitutionStandingRow, institution_id)

    def _locked(self, model, key: str, **first):
        """The row `key`, made if missing and locked for this transaction. Two consumers
        (TeacherAssessed and TeacherQualified, say) may learn of one row at once: an
        insert that yields to the other's keeps both from a duplicate-key failure."""
        insert = (pg_insert if self.session.get_bind().dialect.name == "postgresql"
                  else sqlite_insert)
        self.session.execute(insert(model).values(id=key, **first)
                             .on_conflict_do_nothing(index_elements=["id"]))
        return self.session.get(model, key, with_for_update=True, populate_existing=True)

    def set_status(self, institution_id: str, status: int, at: datetime) -> bool:
        row = self._locked(InstitutionStandingRow, institution_id, status=0, blacklisted=False)
        if row.changed_at is not None and _naive(row.changed_at) > _naive(at):
            return False  # a later change is applied already
        row.status, row.changed_at = status, at
        self.touched.add(f"institutions/{institution_id}")
        return True

    def blacklist(self, institution_id: str) -> bool:
        row = self._locked(InstitutionStandingRow, institution_id, status=0, blacklisted=False)
        if row.blacklisted:
            return False
        row.blacklisted = True
        self.touched.add(f"institutions/{institution_id}")
        return True

    def teachers(self, teacher_ids) -> dict[str, TeacherFacts]:
        rows = self.session.scalars(select(TeacherRow).where(TeacherRow.id.in_(list(teacher_ids))))
        return {r.id: TeacherFacts(r.id, r.institution_id, r.qualified) for r in rows}

    def blacklisted(self, institution_id: str) -> bool:
        row = self.session.get(InstitutionStandingRow, institution_id)
        return bool(row and row.blacklisted)

    def assess_teacher(self, teacher_id: str, person_id: str, institution_id: str,
                       assessed_on: date, passed: bool, full_name: str = "") -> bool:
        """The latest assessment decides; an older one arriving late changes nothing."""
        row = self._locked(TeacherRow, teacher_id, person_id=person_id, full_name="",
                           institution_id=institution_id, qualified=False)
        if row.assessed_on is not None and row.assessed_on > assessed_on:
            return False
        row.qualified, row.assessed_on = passed, assessed_on
        row.full_name = full_name or row.full_name
        self.touched.add(f"teachers/{teacher_id}")
        return True

    def add_certificate(self, number: str, class_id: str, person_id: str,
                        issue_date: date) -> bool:
        if self.session.get(CompletionCertificateRow, number) is not None:
            return False
        self.session.add(CompletionCertificateRow(number=number, class_id=class_id,
                                                  person_id=person_id, issue_date=issue_date))
        self.touched.add(f"classes/{class_id}")
        return True

    def certificates_of(self, class_id: str) -> dict[str, str]:
        """person ID → completion certificate number, for a class's roster."""
        return dict(self.session.execute(select(
            CompletionCertificateRow.person_id, CompletionCertificateRow.number).where(
            CompletionCertificateRow.class_id == class_id)).all())

    def _write(self, aggregate) -> None:
        pass


def _naive(value: datetime) -> datetime:
    """UTC without its zone, as SQLite hands it back."""
    return value if value.tzinfo is None else value.astimezone(timezone.utc).replace(tzinfo=None)


def _lessons_json(lessons: list[Lesson]) -> str:
    return json.dumps([{**vars(x), "lesson_date": x.lesson_date.isoformat()} for x in lessons],
                      ensure_ascii=False, sort_keys=True)


def _lessons_of(text: str) -> list[Lesson]:
    return [Lesson(**{**x, "lesson_date": date.fromisoformat(x["lesson_date"])})
            for x in json.loads(text)]
