"""gzexplorer: a desktop explorer for the Guizhou digital-transformation case study."""

__version__ = "0.1.0"
