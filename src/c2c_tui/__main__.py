from c2c_tui.cli import main

raise SystemExit(main())
