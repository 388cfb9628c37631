"""What the window's ministry pages read from the national store: the inbox's forecast before decryption
(``inbox.preview``), the dashboard's aggregates (``dashboard.figures``: recomputed here from the records
each school entered), and one establishment's chain (``chain_view``). On SQLite and PostgreSQL."""

from __future__ import annotations

import copy

from sqlalchemy import func, select

from sync.ministry import registry
from sync.ministry.chain_view import establishment_view
from sync.ministry.consolidation import consolidate
from sync.ministry.dashboard import Filters, figures, filter_choices
from sync.ministry.inbox import preview, summary
from sync.ministry.store import national_store
from sync.ministry.tables import bundles_received
from tests.conftest import OFFERING, cohort_values
from tests.sync.ministry.conftest import bundle_rows, craft


def _received(ministry) -> int:
    with national_store(ministry).read() as conn:
        return conn.execute(select(func.count()).select_from(bundles_received)).scalar_one()


def _by_file(items):
    return {item.file: item for item in items}


def test_forecast_before_decryption(ministry, schools, identities, tmp_path) -> None:
    ecc, esith = schools["ECC"], schools["ESITH"]
    ids = ecc.populate()
    one = ecc.export(tmp_path / "b1")
    ecc.edit("internship", ids["internships"][0], host_city="Tanger")
    two = ecc.export(tmp_path / "b2")
    esith.populate()
    esith_one = esith.export(tmp_path / "esith")
    junk = tmp_path / "junk" / "abime.kfb"
    junk.parent.mkdir()
    junk.write_bytes(b"KFB pas vraiment un lot" * 10)

    # n° 2 alone waits for n° 1; a folder is searched; a damaged file is unreadable; nothing is recorded
    items = _by_file(preview(ministry, [two, tmp_path / "esith", junk]))
    assert items[str(two)].action == "waiting" and items[str(two)].waiting_for == 1
    assert items[str(two)].establishment == "ECC" and items[str(two)].sequence == 2
    assert items[str(esith_one)].action == "new"
    assert items[str(junk)].action == "unreadable" and items[str(junk)].reason
    assert _received(ministry) == 0
    # n° 1 in the same batch fills the gap
    items = _by_file(preview(ministry, [two, one]))
    assert items[str(one)].action == items[str(two)].action == "new"
    assert summary(items.values())["new"] == 2

    # what consolidation then does agrees with the forecast
    report = consolidate(ministry, identities["MIC"], [two, one])
    assert [o.state for o in report.outcomes] == ["applied", "applied"]
    items = _by_file(preview(ministry, [one, two]))
    assert items[str(one)].action == items[str(two)].action == "duplicate"

    # another n° 2 (fork), an older n° 1 (rollback): announced as security incidents before decryption
    tables = bundle_rows(two, identities["MIC"], ecc)
    changed = copy.deepcopy(tables)
    city = changed["internship"].columns.index("host_city")
    changed["internship"].rows[0][city] = "Agadir"
    fork = craft(ecc, identities["MIC"], 2, report.outcomes[0].bundle_hash, changed, name="fork.kfb")
    old = craft(ecc, identities["MIC"], 1, None, bundle_rows(one, identities["MIC"], ecc), name="old.kfb")
    items = _by_file(preview(ministry, [fork, old]))
    assert items[str(fork)].action == "fork" and items[str(old)].action == "rollback"
    outcomes = {o.file: o.state for o in consolidate(ministry, identities["MIC"], [fork, old]).outcomes}
    assert outcomes == {str(fork): "fork", str(old): "rollback"}
    # a revoked establishment's bundle is announced as refused
    registry.revoke(ministry, "ESITH")
    assert preview(ministry, [esith_one])[0].action == "not_enrolled"
    assert consolidate(ministry, identities["MIC"], [esith_one]).outcomes[0].state == "refused"


def test_dashboard_figures_match_the_records(ministry, schools, identities, tmp_path) -> None:
    ecc, esith = schools["ECC"], schools["ESITH"]
    store = ecc.records()
    cyber_cloud, _ = store.save("offering", {**OFFERING, "code": "MS-A", "capacity": 30})  # CYBER and CLOUD
    store.save("offering", {**OFFERING, "code": "MS-B", "domains": ["DATA"], "capacity": 20,
                                      "training_type": "ALTERNANCE", "industry_partnered": False,
                                      "partner_name": None})
    gone, _ = store.save("offering", {**OFFERING, "code": "MS-C", "domains": ["DATA"], "capacity": 99})
    store.save("cohort", cohort_values(cyber_cloud.id, academic_year="2024-2025", enrolled=20, women=8, men=12,
                                       graduates=15, dropouts=1, employed_6m=9))
    store.save("cohort", cohort_values(cyber_cloud.id))  # 2025-2026: 30 enrolled, 13 women, 27 graduates, 20 hired
    store.delete("offering", [gone.id])
    esith.populate()  # one offering (CYBER, CLOUD, 30 places), one cohort 2025-2026, two internships
    paths = [ecc.export(tmp_path / "ecc"), esith.export(tmp_path / "esith")]
    assert not consolidate(ministry, identities["MIC"], paths).failed

    every = figures(ministry)
    assert every.offerings == 3 and every.places == 30 + 20 + 30  # the deleted offering is not counted
    assert every.partnered == 2
    assert dict((code, (places, n)) for code, places, n in every.places_by_domain) == {
        "CYBER": (60, 2), "CLOUD": (60, 2), "DATA": (20, 1)}  # each domain of a multi-domain offering
    assert dict(every.places_by_training_type) == {"INITIAL": 60, "ALTERNANCE": 20}
    assert every.enrolled == 20 + 30 + 30 and every.women == 8 + 13 + 13
    assert every.enrolled_by_year == [("2024-2025", 20, 8), ("2025-2026", 60, 26)]
    assert every.internships == 2 and every.reporting == 2

    year = figures(ministry, Filters(year="2024-2025"))
    assert (year.enrolled, year.women, year.graduates, year.employed_6m) == (20, 8, 15, 9)
    assert year.enrolled_by_year == every.enrolled_by_year  # the trend ignores the year
    assert year.offerings == 3  # all three opened in 2024-2025 (first academic year)
    elsewhere = figures(ministry, Filters(region="04"))  # Rabat-Salé-Kénitra: neither school
    assert (elsewhere.offerings, elsewhere.enrolled, elsewhere.reporting) == (0, 0, 0)
    assert figures(ministry, Filters(ministry="MIC")).enrolled == every.enrolled
    choices = filter_choices(ministry)
    assert choices.years == ["2025-2026", "2024-2025"] and "MIC" in choices.ministries


def test_chain_view_of_one_establishment(ministry, schools, identities, tmp_path) -> None:
    ecc = schools["ECC"]
    ids = ecc.populate()
    one = ecc.export(tmp_path / "b1")
    ecc.edit("internship", ids["internships"][0], host_city="Tanger")
    two = ecc.export(tmp_path / "b2")
    ecc.edit("internship", ids["internships"][0], host_city="Fès")
    three = ecc.export(tmp_path / "b3")
    consolidate(ministry, identities["MIC"], [one, three])
    view = establishment_view(ministry, "ECC")
    assert [(b.sequence, b.state, b.waiting_for) for b in view.bundles] == [(3, "held", 2), (1, "applied", None)]
    assert view.bundles[1].accepted > 0 and view.current_chain == 1
    assert [k.state for k in view.keys] == ["active"]
    assert view.keys[0].public.fingerprint == ecc.identity.public.fingerprint
    consolidate(ministry, identities["MIC"], [two])
    assert [(b.sequence, b.state) for b in establishment_view(ministry, "ECC").bundles] == [
        (3, "applied"), (2, "applied"), (1, "applied")]
