from intimacy_desktop.cli import main

raise SystemExit(main())
