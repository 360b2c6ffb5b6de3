"""Every budget of DESIGN.md ("Budgets"), measured as medians of interleaved runs.

    python bench/run.py [--runs 11] [--quick]

Run it from a checkout with pmpath installed in the current environment. Each line
prints the median time of pmpath and of the baseline it is held to, their ratio and
the budget:

- start-up: `pmpath next` and `pmpath --help` against `python -c "import typer"` (1.5x);
- feedback: `pmpath check FILE` of each model answer against `import typer` (3x); and
  `pmpath watch`: the new verdict on screen after a save (150 ms);
- scale: checking a 10,000-risk register and a 5,000-task launch plan against a script
  that imports the same libraries and only parses the file with yaml.CSafeLoader (2x);
  growth from 1,000 to 10,000 risks and 5,000 to 50,000 tasks (12x for 10x the rows);
  and the peak memory of each check;
- a 10,000-trial Monte Carlo forecast against `import typer` (reported; no budget);
- `pmpath cohort` of 100 learners' workspaces, each holding a few model answers, end to
  end (reported as milliseconds per learner; no budget);
- when TaskJuggler (`tj3`) is installed, `pmpath schedule` against tj3 scheduling the
  same 5,000-task plan (reported).

Runs are interleaved (baseline, pmpath, baseline, pmpath, …) so machine noise hits
both alike. The exit code is 1 when a budget is exceeded.
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
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from check_scale import (  # noqa: E402 - the generators and timer live beside this script
    BASELINE,
    generate_launch_plan,
    generate_risk_register,
    pmpath_command,
    timed,
)

REPO = HERE.parent
EXAMPLES = REPO / "curriculum" / "examples"
AS_OF = "2027-01-20"
TYPER = [sys.executable, "-c", "import typer"]


PMPATH = pmpath_command()


def environment() -> dict[str, str]:
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("PMPATH_WORKSPACE", None)
    # What a learner gets: Python caches compiled modules as usual.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def medians(commands: dict[str, list[str]], runs: int, cwd: Path,
            env: dict[str, str]) -> dict[str, float]:
    for command in commands.values():  # warm the caches once (.pyc files, the OS)
        timed(command, cwd, env)
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            samples[name].append(timed(command, cwd, env))
    return {name: statistics.median(values) for name, values in samples.items()}


def peak_memory_mb(command: list[str], cwd: Path, env: dict[str, str]) -> float:
    """Peak resident memory of one run of ``command`` (measured in a fresh child)."""
    probe = ("import resource, subprocess, sys\n"
             "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
             "stderr=subprocess.DEVNULL)\n"
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    out = subprocess.run([sys.executable, "-c", probe, *command], cwd=cwd, env=env,
                         capture_output=True, text=True, check=True).stdout
    return int(out.strip()) / 1024


class Report:
    def __init__(self) -> None:
        self.within = True

    def line(self, label: str, value: float, base: float | None = None,
             budget: float | None = None, unit: str = "ms", base_label: str = "") -> None:
        text = f"  {label:<34} {value * 1000 if unit == 'ms' else value:9.1f} {unit}"
        if base is not None:
            ratio = value / base
            text += f"   {base_label} {base * 1000:7.1f} ms   {ratio:5.2f}x"
            if budget is not None:
                ok = ratio <= budget
                self.within &= ok
                text += f" (budget {budget:g}x){'' if ok else '  OVER'}"
        elif budget is not None:
            ok = value <= budget
            self.within &= ok
            text += f" (budget {budget:g} {unit}){'' if ok else '  OVER'}"
        print(text)


def startup(report: Report, runs: int, folder: Path, env: dict[str, str]) -> None:
    workspace = folder / "ws"
    subprocess.run(PMPATH + ["init", str(workspace), "--name", "Bench", "--hours", "8"],
                   check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times = medians({"typer": TYPER, "next": PMPATH + ["next"], "help": PMPATH + ["--help"]},
                    runs, workspace, env)
    print(f"start-up (median of {runs})")
    report.line("pmpath next", times["next"], times["typer"], 1.5, base_label="import typer")
    report.line("pmpath --help", times["help"], times["typer"], 1.5, base_label="import typer")


def feedback(report: Report, runs: int, folder: Path, env: dict[str, str]) -> None:
    print(f"feedback: one-file check of each model answer (median of {runs})")
    commands = {"typer": TYPER}
    for path in sorted(EXAMPLES.glob("*")):
        if path.suffix in (".yaml", ".md") and path.name != "index.yaml":
            commands[path.stem] = PMPATH + ["check", str(path), "--as-of", AS_OF]
    times = medians(commands, runs, folder, env)
    for name, value in times.items():
        if name != "typer":
            report.line(f"pmpath check {name}", value, times["typer"], 3.0,
                        base_label="import typer")
    watch_latency(report, folder, env)


def watch_latency(report: Report, folder: Path, env: dict[str, str], saves: int = 7) -> None:
    """From the moment a file is saved to the moment the new verdict is printed."""
    import selectors

    target = folder / "watched-risk-register.yaml"
    original = (EXAMPLES / "risk-register.yaml").read_text(encoding="utf-8")
    flawed = original.replace("score: 20", "score: 12", 1)
    target.write_text(original, encoding="utf-8")
    process = subprocess.Popen(PMPATH + ["watch", str(target), "--as-of", AS_OF], cwd=folder,
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert process.stdout is not None
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    marker = b"Save the file"
    buffer = b""

    def wait_for_marker(timeout: float) -> float | None:
        nonlocal buffer
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if marker in buffer:
                buffer = buffer.split(marker, 1)[1]
                return time.perf_counter()
            for _key, _ in selector.select(timeout=0.01):
                chunk = os.read(process.stdout.fileno(), 65536)
                if not chunk:
                    return None
                buffer += chunk
        return None

    latencies = []
    try:
        if wait_for_marker(30) is None:
            print("  pmpath watch: no first verdict within 30 s")
            report.within = False
            return
        time.sleep(0.3)  # let the file watcher settle
        for number in range(saves):
            text = flawed if number % 2 == 0 else original
            saved = time.perf_counter()
            target.write_text(text, encoding="utf-8")
            shown = wait_for_marker(10)
            if shown is None:
                break
            latencies.append(shown - saved)
            time.sleep(0.2)
    finally:
        process.terminate()
        process.wait(timeout=10)
    if not latencies:
        print("  pmpath watch: no verdict after a save")
        report.within = False
        return
    median = statistics.median(latencies) * 1000
    ok = median <= 150
    report.within &= ok
    print(f"  {f'pmpath watch, save to verdict ({len(latencies)} saves)':<34} {median:9.1f} ms"
          f"   (budget 150 ms){'' if ok else '  OVER'}")


def scale(report: Report, runs: int, folder: Path, env: dict[str, str], quick: bool) -> None:
    cases: list[tuple[str, Callable[[Path, int], None], int, int, int]] = [
        ("risk-register", generate_risk_register, 10_000, 1_000, 10_000),
        ("launch-plan", generate_launch_plan, 5_000, 5_000, 50_000),
    ]
    few = max(3, runs // 3)
    print(f"scale (median of {few} interleaved runs)")
    for kind, generate, rows, small_rows, large_rows in cases:
        if quick:
            large_rows = small_rows * 2
        files = {}
        for count in sorted({rows, small_rows, large_rows}):
            files[count] = folder / f"{kind}-{count}.yaml"
            generate(files[count], count)
        checks = {count: PMPATH + ["check", str(path), "--json", "--as-of", AS_OF]
                  for count, path in files.items()}
        times = medians({"parse": [sys.executable, "-c", BASELINE, str(files[rows])],
                         "check": checks[rows]}, few, folder, env)
        report.line(f"check {rows:,}-row {kind}", times["check"], times["parse"], 2.0,
                    base_label="CSafeLoader parse")
        small = medians({"check": checks[small_rows]}, few, folder, env)["check"]
        large = medians({"check": checks[large_rows]}, max(2, few // 2), folder, env)["check"]
        growth = large / small
        factor = large_rows / small_rows
        budget = 12.0 * factor / 10
        ok = growth <= budget
        report.within &= ok
        print(f"  {'growth ' + f'{small_rows:,} -> {large_rows:,} rows':<34} "
              f"{small * 1000:9.1f} -> {large * 1000:.1f} ms   {growth:5.2f}x "
              f"(budget {budget:g}x){'' if ok else '  OVER'}")
        memory = peak_memory_mb(checks[rows], folder, env)
        print(f"  {'peak memory, ' + f'{rows:,} rows':<34} {memory:9.1f} MB")
    if shutil.which("tj3"):
        taskjuggler(report, folder, env, files_for_tj3=folder / "launch-plan-5000.yaml")


def taskjuggler(report: Report, folder: Path, env: dict[str, str], files_for_tj3: Path) -> None:
    """pmpath schedule against tj3 scheduling the same plan (tasks, durations, deps)."""
    import yaml

    plan = yaml.load(files_for_tj3.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    start = plan["start"]
    lines = [f'project bench "pmpath bench" {start} +36m {{',
             '  timezone "UTC"', "  dailyworkinghours 8",
             "  workinghours mon - fri 9:00 - 17:00", "  workinghours sat, sun off", "}"]
    for task in plan["tasks"]:
        depends = ", ".join(str(dep) for dep in task.get("depends_on") or [])
        body = (f"depends {depends} " if depends else "") + (
            f"length {task['duration']}d" if task["duration"] else "milestone")
        lines.append(f'task {task["id"]} "{task["id"]}" {{ {body} }}')
    lines += ['taskreport bench "bench" {', "  formats csv", "  columns id, start, end", "}"]
    project = folder / "bench.tjp"
    project.write_text("\n".join(lines) + "\n", encoding="utf-8")
    times = medians({"tj3": ["tj3", "--silent", "--no-color", "-o", str(folder), str(project)],
                     "schedule": PMPATH + ["schedule", str(files_for_tj3), "--json"]},
                    3, folder, env)
    report.line("pmpath schedule 5,000 tasks", times["schedule"], times["tj3"],
                base_label="tj3")


def forecast(report: Report, runs: int, folder: Path, env: dict[str, str]) -> None:
    times = medians({"typer": TYPER,
                     "forecast": PMPATH + ["forecast", "--throughput", "5,3,8,6,7,4,9,6",
                                           "--items", "120", "--trials", "10000",
                                           "--seed", "7"]}, runs, folder, env)
    print(f"forecast (median of {runs})")
    report.line("pmpath forecast, 10,000 trials", times["forecast"], times["typer"],
                base_label="import typer")


def cohort(report: Report, runs: int, folder: Path, env: dict[str, str],
           learners: int = 100) -> None:
    """`pmpath cohort` over generated workspaces: one process grades every learner."""
    answers = sorted(path for path in EXAMPLES.glob("*")
                     if path.suffix in (".yaml", ".md") and path.name != "index.yaml")
    template = folder / "cohort-template"
    subprocess.run(PMPATH + ["init", str(template), "--name", "Learner", "--start",
                             "2027-01-04", "--hours", "8"],
                   check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    skills = sorted(path.name for path in template.iterdir() if path.is_dir()
                    and not path.name.startswith("."))
    cohort_root = folder / "cohort"
    for number in range(learners):
        workspace = cohort_root / f"learner-{number:03d}"
        shutil.copytree(template, workspace)
        config = workspace / "pmpath.toml"
        config.write_text(config.read_text(encoding="utf-8").replace(
            '"Learner"', f'"Learner {number}"'), encoding="utf-8")
        # Three to five model answers each, a different mix per learner.
        for offset in range(3 + number % 3):
            answer = answers[(number + offset * 4) % len(answers)]
            shutil.copy(answer, workspace / skills[offset % len(skills)] / answer.name)
    dated = {**env, "PMPATH_TODAY": AS_OF}
    few = max(3, runs // 3)
    total = medians({"cohort": PMPATH + ["cohort", str(cohort_root), "--json"]}, few,
                    folder, dated)["cohort"]
    print(f"cohort: {learners} workspaces with 3 to 5 model answers each (median of {few})")
    report.line(f"pmpath cohort, {learners} learners", total)
    report.line("per learner", total / learners)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--quick", action="store_true",
                        help="Smaller growth files (2x instead of 10x) for a fast look.")
    parser.add_argument("--only", action="append",
                        choices=["startup", "feedback", "forecast", "scale", "cohort"],
                        help="Measure only this part (may be repeated).")
    args = parser.parse_args()
    env = environment()
    report = Report()
    print(f"pmpath budgets · Python {sys.version.split()[0]} · {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        parts = {"startup": lambda: startup(report, args.runs, folder, env),
                 "feedback": lambda: feedback(report, args.runs, folder, env),
                 "forecast": lambda: forecast(report, args.runs, folder, env),
                 "scale": lambda: scale(report, args.runs, folder, env, args.quick),
                 "cohort": lambda: cohort(report, args.runs, folder, env)}
        for name, part in parts.items():
            if not args.only or name in args.only:
                part()
    print("every budget held" if report.within else "a budget is OVER")
    return 0 if report.within else 1


if __name__ == "__main__":
    sys.exit(main())
