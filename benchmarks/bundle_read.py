"""Reading a bundle: memory and time of the format-2 reader on the largest bundle its budget allows,
against holding the same document whole (what a version-1 reader did), in one script.

    .venv/bin/python benchmarks/bundle_read.py [--records 500000] [--runs 3]

* data: N internships (default 500 000, the reader's ``max_records``), sealed once with fixed keys into a
  cached file (``benchmarks/.cache/``);
* ours: ``sync.bundle.open_bundle`` (signatures, payload hash, key unwrap and commitment, manifest) then
  every batch through ``batches()`` with every check of the document (types, ids, order, counts);
* whole: the same segments decrypted and parsed, every row kept in one list (the version-1 way: the
  whole document in memory), no checks;
* hostile: a validly signed bundle whose segment holds 1.8 MB of ``[{},{},…]`` (format 1 read 96 MiB of
  it into 1.5 GiB), refused.

Each measure runs in a fresh child process; peak RSS is the child's ``ru_maxrss``. Medians over ``--runs``.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CACHE = ROOT / "benchmarks" / ".cache"


def _identities():
    from tests.vectors.make_vectors import fixed_identities

    return fixed_identities()


def build(records: int) -> Path:
    path = CACHE / f"bundle-read-{records}.kfb"
    if path.exists():
        return path
    from forms.definitions import FORMS
    from sync.bundle import LIVE_SYSTEM, FormRecords, seal_bundle

    ecc, mic = _identities()
    form = FORMS["internship"]
    columns = [*LIVE_SYSTEM, *(f.key for f in form.sent_fields)]
    values = {"student_code": None, "gender": "F", "offering": "6f1c2a4e-1111-4c2d-9a55-000000000001",
              "internship_type": "PFE", "domain": "CYBER", "host_name": "Société Générale Maroc",
              "host_sector": "Banque", "host_city": "Casablanca", "host_region": "06", "start_date": "2026-02-01",
              "end_date": "2026-07-31", "weekly_hours": 40, "monthly_stipend": 3000.0, "outcome": "ONGOING",
              "hired": "UNKNOWN"}
    tail = [values.get(f.key) for f in form.sent_fields]

    def batches():
        for start in range(0, records, 10_000):
            yield [[f"00000000-0000-4000-8000-{i:012d}", "ECC", 1, "2026-01-10T09:00:00.000000Z",
                    "2026-01-10T09:00:00.000000Z", i + 1, *tail] for i in range(start, min(records, start + 10_000))]

    data = seal_bundle(ecc, [mic.public], bundle_id="0b5e6d1c-2f3a-4b5c-8d9e-0f1a2b3c4d5f", sequence=1,
                       previous_hash=None, created_at="2026-03-01T08:30:00Z",
                       manifest={"changes": {"after": 0, "up_to": records + 1}},
                       records={"internship": FormRecords(columns, batches())})
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def hostile() -> Path:
    path = CACHE / "bundle-read-hostile.kfb"
    if not path.exists():
        import orjson

        from tests.sync.helpers import craft, end, manifest_for

        ecc, mic = _identities()
        huge = b"[" + b"{}," * (600 * 1024) + b"{}]"
        CACHE.mkdir(parents=True, exist_ok=True)
        path.write_bytes(craft(ecc, [mic.public], [orjson.dumps(manifest_for(ecc, [mic.public])), huge, end({})]))
    return path


def child(mode: str, path: str) -> None:
    from sync.bundle import _SegmentReader, derive, open_bundle
    from sync.errors import BundleError

    ecc, mic = _identities()
    start = time.perf_counter()
    rows = 0
    outcome = "read"
    if mode in ("ours", "hostile"):
        try:
            opened = open_bundle(Path(path), {"ECC": ecc.public}.get, mic)
            for _form, _part, _cols, batch in opened.batches():
                rows += len(batch)
        except BundleError as exc:
            outcome = f"refused: {type(exc).__name__}"
    else:
        import orjson

        opened = open_bundle(Path(path), {"ECC": ecc.public}.get, mic)  # verified the same way
        h = opened.header
        from sync.bundle import DEFAULT_LIMITS, _suite, wrap_info
        from sync.encoding import b64d

        stanza = h["recipients"][0]
        key = _suite(stanza["kem"]).decrypt(b64d(stanza["enc"], "enc", ValueError), mic.hpke_private(),
                                            info=wrap_info(h["bundle_id"], h["sequence"], "ECC", mic.public.key_id))
        reader = _SegmentReader(opened.envelope, derive(key, h["bundle_id"], h["sequence"], "ECC")[0], DEFAULT_LIMITS)
        everything: list = []
        while not reader.done:
            segment = orjson.loads(reader.next_document())
            if isinstance(segment, list):
                everything.extend(segment[2])
        rows = len(everything)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"seconds": elapsed, "peak_rss": peak, "rows": rows, "outcome": outcome}))


def measure(mode: str, path: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", mode, str(path)], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=500_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", nargs=2)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    path = build(args.records)
    bad = hostile()
    results: dict[str, list[dict]] = {"ours": [], "whole": [], "hostile": []}
    for _ in range(args.runs):
        results["ours"].append(measure("ours", path))
        results["whole"].append(measure("whole", path))
        results["hostile"].append(measure("hostile", bad))

    def med(mode: str, key: str) -> float:
        return statistics.median(r[key] for r in results[mode])

    import cryptography
    import orjson
    import zstandard

    print(f"Python {platform.python_version()}, cryptography {cryptography.__version__}, orjson {orjson.__version__}, "
          f"zstandard {zstandard.__version__}; {args.records} records, file {path.stat().st_size / 1e6:.1f} MB")
    for mode in ("ours", "whole", "hostile"):
        print(f"{mode:<8} {med(mode, 'seconds'):7.2f} s   peak RSS {med(mode, 'peak_rss') / 2**20:7.0f} MiB   "
              f"rows {results[mode][0]['rows']}   {results[mode][0]['outcome']}")
    print(f"ratio ours ÷ whole: time {med('ours', 'seconds') / med('whole', 'seconds'):.2f}, "
          f"peak RSS {med('ours', 'peak_rss') / med('whole', 'peak_rss'):.2f}")


if __name__ == "__main__":
    main()
