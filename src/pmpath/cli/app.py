"""The root ``pmpath`` command: global options, command registration, error handling."""


import os
import sys
from typing import Any

import typer
from typer.core import TyperGroup

from pmpath import __version__
from pmpath.core.errors import EXIT_BUG, EXIT_INTERRUPTED, PmpathError

# Each command lives in one module of pmpath.cli, listed here in the order of
# `pmpath --help` with the one-line summary the help shows (a test keeps these
# equal to the commands' own help). Only the module of the command being run
# is imported, so `pmpath next` does not pay for building the other commands.
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("setup", "Create a workspace: pmpath.toml, your progress, and a folder per skill."),
    "next": ("learn", "The skill you are on and the one thing to do now, with why."),
    "path": ("learn", "All skills with their status, progress and weeks planned vs. elapsed."),
    "skill": ("learn", "One skill in full: concepts with explanations, exercises, time."),
    "tick": ("learn", "Mark a concept as learned (your own self-assessment)."),
    "untick": ("learn", "Take a tick back."),
    "skip": ("learn", "Skip a skill you already know; skipped is kept apart from passed."),
    "hint": ("learn", "Tiered hints for an exercise; each call without --level goes one tier "
                      "deeper."),
    "quiz": ("quiz", "Knowledge checks for a skill's concepts; your answers are recorded."),
    "new": ("grading", "Write a fresh template for an exercise into its skill folder."),
    "list": ("exercises", "Every exercise of the path with its status and file."),
    "open": ("exercises", "Open an exercise's file in your editor ($VISUAL or $EDITOR)."),
    "example": ("exercises", "Show the model answer of an artifact kind, or compare it with "
                             "your file (--diff)."),
    "check": ("grading", "Grade artifacts rule by rule, with the arithmetic done and a fix for "
                         "each problem."),
    "watch": ("watch", "Grade the exercise you are on each time you save it; moves on when "
                       "it passes."),
    "rules": ("grading", "The rule catalogue, like a linter's: every rule pmpath grades by."),
    "explain": ("grading", "Why a rule matters, what passes, what fails, and how to fix it."),
    "schema": ("grading", "The JSON Schema of an artifact kind (for editors and other tools)."),
    "schedule": ("planning", "Schedule a project or launch plan: critical path, float and a "
                             "Gantt chart."),
    "forecast": ("planning", "When will it be done? A Monte Carlo forecast from past "
                             "throughput."),
    "dashboard": ("dashboard", "A terminal dashboard of a metrics-dashboard file: one tile "
                               "per KPI."),
    "export": ("export", "Export an artifact for another tool: a calendar, Jira, a wiki, a "
                         "browser."),
    "portfolio": ("portfolio", "Your passed work as a portfolio to send a hiring manager."),
    "cohort": ("cohort", "Instructors: one row per learner's workspace, graded in one process."),
    "log": ("journal", "Add a line to journal.md, your practice log."),
    "streak": ("journal", "Your practice streak from journal.md: practising daily beats "
                          "cramming."),
    "principles": ("content", "The ten principles great technical PMs work by."),
    "certs": ("content", "Certifications worth knowing, who each is for, and when to get one."),
    "career": ("content", "Career levels, ways in, tactics for breaking in, and daily "
                          "practice."),
    "curriculum": ("setup", "Tools for authors of their own curriculum."),
}


CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}


def command_group() -> typer.Typer:
    """The typer app a command module registers its commands on."""
    return typer.Typer(add_completion=False, rich_markup_mode=None,
                       pretty_exceptions_enable=False, context_settings=CONTEXT_SETTINGS)


class LazyGroup(TyperGroup):
    """A command group that imports a command's module only when it is used."""

    def list_commands(self, ctx: Any) -> list[str]:
        return [name for name, (module, _) in COMMANDS.items() if _module_available(module)]

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0] if args else ""
        if name and not name.startswith("-") and name not in COMMANDS:
            from pmpath.core.errors import UsageError
            from pmpath.core.suggest import did_you_mean

            raise UsageError(f"no command '{name}'{did_you_mean(name, COMMANDS)}; "
                             "`pmpath --help` lists them")
        return super().resolve_command(ctx, args)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        module_name = COMMANDS.get(cmd_name, (None, ""))[0]
        if module_name is None or not _module_available(module_name):
            return None
        import importlib

        module = importlib.import_module(f"pmpath.cli.{module_name}")
        group = typer.main.get_group(module.app)
        return group.commands.get(cmd_name)


    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """List the commands from the summaries above, without importing their modules."""
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def _module_available(name: str) -> bool:
    from importlib.util import find_spec

    return find_spec(f"pmpath.cli.{name}") is not None


app = typer.Typer(
    name="pmpath",
    cls=LazyGroup,
    help="Your path to technical project manager: learn, practise real artifacts, get graded."
         "\n\nStart with `pmpath init my-pm-path`, then `cd my-pm-path` and `pmpath next`."
         "\n\nGlobal option, given before the command: --workspace DIR (or the environment "
         "variable PMPATH_WORKSPACE=DIR) uses the workspace in DIR instead of the one around "
         "the current folder.",
    no_args_is_help=True,
    # --install-completion and --show-completion on the root command only; they add no
    # import to start-up (bench/run.py --only startup measures the same either way).
    add_completion=True,
    context_settings=CONTEXT_SETTINGS,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


class GlobalOptions:
    workspace: str | None = None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"pmpath {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Show the version and exit."),
) -> None:
    """Global options (the help text is the app's)."""


def take_global_options(argv: list[str]) -> list[str]:
    """Remove ``--workspace DIR`` (``-w DIR``, ``--workspace=DIR``) before the command name.

    It is read here rather than declared as a typer option because typer builds
    a pydantic adapter for every non-flag option it processes, and importing
    pydantic would double the start-up time of every command.
    """
    rest: list[str] = []
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg in ("--workspace", "-w"):
            if index + 1 >= len(argv):
                from pmpath.core.errors import UsageError

                raise UsageError(f"{arg} needs a folder, e.g. {arg} my-pm-path")
            GlobalOptions.workspace = argv[index + 1]
            index += 2
            continue
        if arg.startswith("--workspace="):
            GlobalOptions.workspace = arg.split("=", 1)[1]
            index += 1
            continue
        if not arg.startswith("-"):
            return rest + argv[index:]
        rest.append(arg)
        index += 1
    return rest


def main() -> None:
    """Console-script entry point: run the app and turn every ending into an exit code.

    0 ok, 1 the work has errors, 2 a usage error or a path that cannot be opened, 3 a
    bug in pmpath, 130 interrupted (Ctrl-C, at a prompt too). Output cut short by a
    closed pipe (``| head``) keeps the code the command would have had. A learner never
    sees a traceback unless ``PMPATH_DEBUG=1`` asks for one.
    """
    code = run(sys.argv[1:])
    _flush_quietly()
    sys.exit(code)


def run(argv: list[str]) -> int:
    import click

    # pydantic looks for plugins in every installed package's metadata at import time;
    # pmpath uses none, and skipping the search saves a noticeable part of a check.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

    try:
        args = take_global_options(argv)
        result = app(args=args, prog_name="pmpath", standalone_mode=False)
        return result if isinstance(result, int) else 0
    except PmpathError as error:
        _report(error)
        return error.exit_code
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.exceptions.Abort:  # Ctrl-C or end of input at a prompt
        _interrupted()
        return EXIT_INTERRUPTED
    except click.ClickException as error:
        error.show()
        return error.exit_code
    except KeyboardInterrupt:
        _interrupted()
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader (`| head`) has gone; the command's own result is what counts.
        _silence_stdout()
        return getattr(sys, "_pmpath_exit", 0)
    except Exception as error:  # the last guard: never show a learner a traceback
        if os.environ.get("PMPATH_DEBUG") == "1":
            raise
        typer.echo(f"error: pmpath hit an unexpected problem ({error.__class__.__name__}: "
                   f"{error}); this is a bug in pmpath, please report it (run again with "
                   "PMPATH_DEBUG=1 for details)", err=True)
        return EXIT_BUG


def _interrupted() -> None:
    try:
        typer.echo("\ninterrupted", err=True)
    except OSError:
        pass


def _silence_stdout() -> None:
    """Point stdout at /dev/null so Python's exit-time flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _flush_quietly() -> None:
    try:
        sys.stdout.flush()
    except (BrokenPipeError, ValueError):
        _silence_stdout()


def _report(error: PmpathError) -> None:
    if os.environ.get("PMPATH_DEBUG") == "1":
        import traceback

        traceback.print_exception(error)
    from pmpath.cli.output import message

    message(f"error: {error.message}", "error")
    if error.hint:
        message(error.hint)
