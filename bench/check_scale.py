"""Scale budget: `pmpath check` of a big artifact against only parsing it with yaml.

DESIGN.md ("Budgets"): checking a 10,000-risk register or a 5,000-task launch plan
takes at most 2x a script that only imports the same libraries (typer, rich and yaml;
artifact models do not use pydantic) and parses the same file with yaml.CSafeLoader;
and the cost grows linearly: 10x the rows takes at most 12x the time. Runs are
interleaved (baseline, check, baseline, check...) so machine noise hits both alike;
the report is the median of each.

The launch plan's growth is measured from 5,000 to 50,000 tasks. A 100,000-risk
register would pass the 20 MB limit on artifacts, so the register's growth is
measured from 1,000 to 10,000 risks.

The generated files have a believable shape at scale. The launch plan has 20
resources, three phases and tasks in waves with one to three dependencies on the
wave before, so the network is wide and deep; the register mixes categories,
statuses and scores, with histories and actions, so every rule has work to do.

    python bench/check_scale.py [--runs 7] [--kind launch-plan|risk-register]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RATIO_BUDGET = 2.0
GROWTH_BUDGET = 12.0
PHASES = ("private-beta", "public-beta", "ga")
RESOURCES = 20
WAVE = 250

BASELINE = (
    "import sys, typer, rich, yaml\n"
    "with open(sys.argv[1], encoding='utf-8') as handle:\n"
    "    yaml.load(handle.read(), Loader=yaml.CSafeLoader)\n"
)


def generate_launch_plan(path: Path, tasks: int, seed: int = 2027) -> None:
    """Write a launch plan of ``tasks`` tasks, the way a learner would lay one out."""
    rng = random.Random(seed)
    lines = [
        "kind: launch-plan",
        "version: 1",
        f"product: Generated launch with {tasks} tasks",
        "start: 2027-01-04",
        "ga_date: 2027-03-31",
        "holidays: [2027-01-18, 2027-02-15]",
        "phases:",
    ]
    for phase in PHASES:
        lines.append(f"  - {{id: {phase}, name: {phase}, exit_criteria: "
                     "[\"crash-free sessions >= 99.5%\"]}")
    lines.append("resources:")
    for number in range(RESOURCES):
        lines.append(f"  - {{id: team-{number}, name: Team {number}, capacity: 12}}")
    lines.append("tasks:")
    for number in range(tasks):
        wave = number // WAVE
        depends: list[str] = []
        if wave > 0:
            previous = range((wave - 1) * WAVE, wave * WAVE)
            depends = [f"T{choice}" for choice in
                       sorted(set(rng.sample(previous, rng.randint(1, 3))))]
        phase = PHASES[min(len(PHASES) - 1, number * len(PHASES) // tasks)]
        lines.append(
            f"  - {{id: T{number}, name: Task {number} of the launch, phase: {phase}, "
            f"duration: {rng.randint(1, 5)}, depends_on: [{', '.join(depends)}], "
            f"resource: team-{rng.randrange(RESOURCES)}}}")
    lines += [
        "rollout:",
        "  - {date: 2027-02-15, percent: 5}",
        "  - {date: 2027-03-01, percent: 50}",
        "  - {date: 2027-03-31, percent: 100}",
        "go_no_go: {date: 2027-03-24, approver: VP Product, criteria: [Exit criteria met]}",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


CATEGORIES = ("technical", "schedule", "cost", "resource", "scope", "external",
              "compliance", "security", "vendor")


def generate_risk_register(path: Path, risks: int, seed: int = 2027) -> None:
    """Write a register of ``risks`` risks, every one complete, as a careful PM would."""
    rng = random.Random(seed)
    lines = ["kind: risk-register", "version: 1", f"program: Generated program, {risks} risks",
             "review_cadence_days: 14", "high_threshold: 15", "risks:"]
    for number in range(risks):
        probability, impact = rng.randint(1, 5), rng.randint(1, 5)
        status = rng.choice(("open", "open", "monitoring", "closed"))
        lines += [
            f"  - id: R-{number:05d}",
            f"    title: Risk number {number} of the generated program",
            "    type: threat",
            "    cause: The vendor's API is new and untested at our volume",
            "    event: Payments time out during the cut-over weekend",
            "    effect: Checkout is down for hours and the launch slips a week",
            f"    category: {CATEGORIES[number % len(CATEGORIES)]}",
            f"    probability: {probability}",
            f"    impact: {impact}",
            f"    score: {probability * impact}",
            "    owner: Priya Natarajan",
            "    response: mitigate",
            "    actions: [{action: Load test at three times peak, owner: Ben Okafor, "
            "due: 2027-02-01}]",
            "    trigger: Error rate above 1% in the load test",
            "    contingency: Roll back to the old processor within an hour",
            f"    status: {status}",
            "    identified: 2027-01-04",
            "    last_reviewed: 2027-01-18",
        ]
        if status == "closed":
            lines.append("    closed_reason: The load test passed at three times peak")
        lines.append("    history: [{date: 2027-01-04, probability: 3, impact: 5, note: First "
                     "assessment}, {date: 2027-01-18, probability: 4, impact: 5, note: Vendor "
                     "slipped}]")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# kind: (generator, rows checked against the parse-only baseline, rows for the growth check)
CASES = {
    "risk-register": (generate_risk_register, 10_000, (1_000, 10_000)),
    "launch-plan": (generate_launch_plan, 5_000, (5_000, 50_000)),
}


def pmpath_command() -> list[str]:
    script = Path(sys.executable).with_name("pmpath")
    if script.exists():
        return [str(script)]
    found = shutil.which("pmpath")
    return [found] if found else [sys.executable, "-m", "pmpath"]


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    completed = subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    # check exits 1 when the plan has errors; anything else means it did not run.
    if completed.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({completed.returncode}):\n"
                         f"{completed.stderr.decode(errors='replace')}")
    return elapsed


def measure(plan: Path, runs: int, folder: Path, env: dict[str, str]) -> tuple[float, float]:
    """(median baseline seconds, median check seconds) over interleaved runs."""
    commands = {
        "baseline": [sys.executable, "-c", BASELINE, str(plan)],
        "check": pmpath_command() + ["check", str(plan), "--json", "--as-of", "2027-01-20"],
    }
    for command in commands.values():  # warm the caches (.pyc files, the OS) once
        timed(command, folder, env)
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            samples[name].append(timed(command, folder, env))
    return statistics.median(samples["baseline"]), statistics.median(samples["check"])


def run_case(kind: str, runs: int, folder: Path, env: dict[str, str]) -> bool:
    generate, rows, (small_rows, large_rows) = CASES[kind]
    budget_file = folder / f"{kind}-{rows}.yaml"
    generate(budget_file, rows)
    base, check = measure(budget_file, runs, folder, env)
    small, large = folder / f"{kind}-small.yaml", folder / f"{kind}-large.yaml"
    generate(small, small_rows)
    generate(large, large_rows)
    few_runs = max(3, runs // 2)
    base_small, check_small = measure(small, runs, folder, env)
    base_large, check_large = measure(large, few_runs, folder, env)
    ratio = check / base
    growth = check_large / check_small
    print(f"{kind} (median of {runs} interleaved runs, {few_runs} for the largest file)")
    print(f"  {rows:>7,} rows   parse only {base * 1000:8.1f} ms   pmpath check "
          f"{check * 1000:8.1f} ms   {ratio:4.2f}x (budget {RATIO_BUDGET}x)")
    print(f"  {small_rows:>7,} -> {large_rows:,} rows: check {check_small * 1000:.0f} -> "
          f"{check_large * 1000:.0f} ms, {growth:4.2f}x (budget {GROWTH_BUDGET}x; parsing "
          f"alone {base_large / base_small:4.2f}x)")
    return ratio <= RATIO_BUDGET and growth <= GROWTH_BUDGET


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--kind", choices=sorted(CASES), action="append",
                        help="Only this kind (may be repeated); default: all.")
    args = parser.parse_args()
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("PMPATH_WORKSPACE", None)
    # Measure what a learner gets: Python caching compiled modules as usual.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    within = True
    with tempfile.TemporaryDirectory() as name:
        for kind in args.kind or list(CASES):
            within = run_case(kind, args.runs, Path(name), env) and within
    print("within budget" if within else "OVER budget")
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
