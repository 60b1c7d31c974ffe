"""Performance: the benchmark behind `make bench`, the budgets `make test` checks and
Lighthouse's full marks `make lighthouse` checks."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Our hook modules hold the site's layout (hooks/twins.py); pytest.ini puts them on the path for tests.
if str(ROOT / "hooks") not in sys.path:
    sys.path.append(str(ROOT / "hooks"))
