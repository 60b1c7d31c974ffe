import sys

from wales_site.cli import main

sys.exit(main())
