"""A record a ministry refused (named in an imported receipt) is marked in the establishment's list, with
the ministry's reasons, until a corrected version is made."""

from __future__ import annotations

from sync.keys import Identity, identity_name, seal_identity
from sync.outbox import export_bundle, import_receipt
from tests.sync.conftest import PASSPHRASE, install_keys, trust
from tests.sync.helpers import populate
from tests.sync.test_refusals import _receipt


def test_the_list_marks_records_a_ministry_refused(qtbot, workspace, tmp_path, qapp) -> None:
    ecc = Identity.generate("establishment", "ECC", identity_name("establishment", "ECC"))
    mic = Identity.generate("ministry", "MIC", identity_name("ministry", "MIC"))
    install_keys(workspace, ecc, seal_identity(ecc, PASSPHRASE))
    trust(workspace, mic, tmp_path)
    ids = populate(workspace.records())
    data = export_bundle(workspace, ecc, tmp_path / "usb").path.read_bytes()
    import_receipt(workspace, _receipt({"ECC": ecc, "MIC": mic}, data, [
        {"form": "internship", "id": ids["internship"], "reasons": ["offering : offre inconnue au ministère"]}]))

    from desktop.ui.list_query import ListQuery
    from desktop.ui.pages.records_page import _refusals
    from desktop.ui.records_model import RecordsModel

    model = RecordsModel(ListQuery(workspace.engine, "internship", "ECC"))
    model.refusals = lambda: _refusals(workspace, "internship")
    model.reload()
    row = model.row_of(ids["internship"])
    assert row >= 0
    index = model.index(row, 0)
    assert "refusé par MIC" in model.data(index)
    assert "offre inconnue au ministère" in model.data(index, 3)  # ToolTipRole
