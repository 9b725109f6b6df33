from gzexplorer.cli import main

raise SystemExit(main())
