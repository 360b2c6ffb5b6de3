"""Artifact kinds still being moved into ``pmpath.kinds`` packages."""
