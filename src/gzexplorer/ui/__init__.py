"""Qt widgets and item models over :mod:`gzexplorer.model`."""
