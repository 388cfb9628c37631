"""The frozen build: its size on disk, and its time to a painted main window against the source run and a
bare PySide6 window, in one script.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/frozen_startup.py [--runs 7] [--records 20000]
        [--dist DIR]   # a probe build made earlier by this script (--keep), instead of building one now

The script builds the application with build.spec into a temporary folder, with one addition: the paint
probe (benchmarks/paint_probe.py) as a PyInstaller runtime hook (the shipped build has none). The same
probe is executed before the program in the two other runs, so all three are timed alike, as fresh
processes, from launch to the first paint of a ``QMainWindow``:

* bare: ``python -c`` creating a ``QMainWindow`` and showing it (the floor for any PySide6 program);
* source: ``python -m desktop --data-dir DIR`` — the real start path (command line, settings, frame);
* frozen: ``dist/kafaat/kafaat --data-dir DIR`` — the same path, from the onedir build.

The data folder holds ``--records`` records (the frame is painted before the database is opened, so the
count matters little here; benchmarks/startup.py measures the dashboard on 100 000). Medians over
``--runs``, interleaved; ratios frozen ÷ bare, source ÷ bare, frozen ÷ source. The onedir size is the
probe build's (the hook adds under 2 kB), with the largest parts.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PROBE = ROOT / "benchmarks" / "paint_probe.py"

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow(); window.setWindowTitle("bare"); window.resize(1200, 760); window.show()
app.exec()
"""
SOURCE = "import sys\nfrom desktop.cli import main\nsys.exit(main(sys.argv[1:]))\n"


def prelude(code: str) -> str:
    return f"exec(compile(open({str(PROBE)!r}, encoding='utf-8').read(), 'paint_probe', 'exec'))\n{code}"


def painted_after(command: list[str], mark: Path) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               KAFAAT_PAINT_PROBE=str(mark), PYTHONPATH=str(ROOT))
    env.pop("KAFAAT_HOME", None)
    mark.unlink(missing_ok=True)
    start = time.time()
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    if not mark.exists():
        raise RuntimeError(f"{command[0]}: no paint ({result.returncode})\n{result.stderr[-2000:]}")
    return json.loads(mark.read_text(encoding="utf-8"))["painted"] - start


def build(work: Path) -> tuple[Path, float]:
    env = dict(os.environ, KAFAAT_BUILD_PAINT_PROBE="1")
    start = time.time()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR", "--distpath",
                    str(work / "dist"), "--workpath", str(work / "build"), str(ROOT / "build.spec")],
                   check=True, env=env, cwd=ROOT)
    return work / "dist" / "kafaat", time.time() - start


def size_report(onedir: Path) -> dict[str, object]:
    files = [p for p in onedir.rglob("*") if p.is_file() and not p.is_symlink()]  # Linux: links into PySide6/
    parts: dict[str, int] = {}
    internal = onedir / "_internal"
    for path in files:
        relative = path.relative_to(internal if path.is_relative_to(internal) else onedir).parts
        key = "/".join(relative[:3] if relative[0] == "PySide6" and len(relative) > 3 else relative[:1])
        parts[key] = parts.get(key, 0) + path.stat().st_size
    largest = sorted(parts.items(), key=lambda item: -item[1])[:10]
    return {"onedir_mb": round(sum(p.stat().st_size for p in files) / 1e6, 1), "files": len(files),
            "largest_mb": {name: round(size / 1e6, 1) for name, size in largest}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--dist", type=Path, help="a probe build made earlier (dist/kafaat of --keep)")
    parser.add_argument("--keep", type=Path, help="build into this folder and keep it")
    args = parser.parse_args(argv)
    import PySide6

    from benchmarks.startup import build as build_data

    with tempfile.TemporaryDirectory(prefix="kafaat-frozen-bench-") as tmp:
        work = Path(tmp)
        build_seconds = None
        onedir = args.dist
        if onedir is None:
            onedir, build_seconds = build(args.keep or work)
        exe = onedir / ("kafaat.exe" if os.name == "nt" else "kafaat")
        root = build_data(work, args.records)
        mark = work / "painted.json"
        commands = {
            "bare": [sys.executable, "-c", prelude(BARE)],
            "source": [sys.executable, "-c", prelude(SOURCE), "--data-dir", str(root)],
            "frozen": [str(exe), "--data-dir", str(root)],
        }
        for command in commands.values():  # warm the file cache for all three
            painted_after(command, mark)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                times[name].append(painted_after(command, mark))
    median = {name: statistics.median(values) for name, values in times.items()}
    result = {
        "runs": args.runs,
        "records": args.records,
        **{f"{name}_painted_s": round(value, 3) for name, value in median.items()},
        "ratio_frozen_to_bare": round(median["frozen"] / median["bare"], 2),
        "ratio_source_to_bare": round(median["source"] / median["bare"], 2),
        "ratio_frozen_to_source": round(median["frozen"] / median["source"], 2),
        "spread_s": {name: [round(min(v), 3), round(max(v), 3)] for name, v in times.items()},
        **size_report(onedir),
        "build_s": round(build_seconds, 1) if build_seconds else None,
        "python": platform.python_version(),
        "pyside6": PySide6.__version__,
        "platform": f"{platform.system()} {os.environ.get('QT_QPA_PLATFORM', 'offscreen')}",
    }
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
