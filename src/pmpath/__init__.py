"""pmpath: a terminal coach for the path to technical project manager."""

__version__ = "0.1.0"
