"""Start-up budget: `pmpath next` and `pmpath --help` against `python -c "import typer"`.

DESIGN.md: both must take at most 1.5x the wall time of importing typer on the
same machine. Runs are interleaved (typer, next, help, typer, ...) so that
machine noise hits all three alike; the report is the median of each.

    python bench/startup.py [--runs 21]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BUDGET = 1.5


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def pmpath_command() -> list[str]:
    script = Path(sys.executable).with_name("pmpath")
    if script.exists():
        return [str(script)]
    found = shutil.which("pmpath")
    return [found] if found else [sys.executable, "-m", "pmpath"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    pmpath = pmpath_command()
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("PMPATH_WORKSPACE", None)
    # Measure what a learner gets: Python caching compiled modules as usual (an
    # editable install would otherwise recompile pmpath on every run).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as folder:
        workspace = Path(folder) / "ws"
        subprocess.run(pmpath + ["init", str(workspace), "--name", "Bench", "--hours", "8"],
                       check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        commands = {
            "import typer": [sys.executable, "-c", "import typer"],
            "pmpath next": pmpath + ["next"],
            "pmpath --help": pmpath + ["--help"],
        }
        for command in commands.values():  # warm the caches (.pyc, curriculum) once
            timed(command, workspace, env)
        samples: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                samples[name].append(timed(command, workspace, env))
    baseline = statistics.median(samples["import typer"])
    worst = 0.0
    print(f"median of {args.runs} interleaved runs")
    for name, values in samples.items():
        median = statistics.median(values)
        ratio = median / baseline
        if name != "import typer":
            worst = max(worst, ratio)
        print(f"  {name:<15} {median * 1000:7.1f} ms   {ratio:4.2f}x")
    verdict = "within" if worst <= BUDGET else "OVER"
    print(f"worst ratio {worst:.2f}x — {verdict} the {BUDGET}x budget")
    return 0 if worst <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
