"""Pure logic of pmpath: curriculum, workspace, state, scaffolding and grading.

Nothing in this package imports typer or rich; the CLI layer renders what it returns.
"""
