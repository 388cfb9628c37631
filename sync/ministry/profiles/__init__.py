"""Every form's profile for the committee's workbook, in one list: what adds up, how a record belongs to an
academic year, its indicators, its extra tables and its summary charts (``sync.ministry.measures``). A form
of ``forms.definitions.FORMS`` without a profile here still gets its sheet (``indicators.profile``)."""

from __future__ import annotations

from sync.ministry.measures import Profile
from sync.ministry.profiles import ce_session, cohort, internship, offering, rd_project

PROFILES: dict[str, Profile] = {p.form: p for p in (offering.PROFILE, cohort.PROFILE, internship.PROFILE,
                                                   rd_project.PROFILE, ce_session.PROFILE)}
