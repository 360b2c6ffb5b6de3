"""The command-line layer: the only part of pmpath that imports typer and rich."""
