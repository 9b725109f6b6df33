"""Entry point of the PyInstaller bundle: the same as the ``gzexplorer`` console script."""

from gzexplorer.cli import console

console()
