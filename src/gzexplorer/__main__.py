from gzexplorer.cli import console

console()
