"""`make build`: the site is either the new build, complete and checked, or the
previous one, never something in between.

MkDocs writes into its site folder as it goes and fails a strict build only
after writing everything, so it builds into a staging folder beside site/;
only when the build of both languages has passed, every check and MkDocs'
strict mode included, does the staging folder take site/'s place, in one
rename. On any failure the staging folder is removed and site/ is left byte
for byte as it was.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

STAGING_PREFIX = ".building-"
# Linux's renameat2 flag that swaps two paths in one step.
RENAME_EXCHANGE = 2
AT_FDCWD = -100


def exchange(first: Path, second: Path) -> bool:
    """Swaps two folders atomically where the system can (Linux); False where it cannot."""
    libc_name = ctypes.util.find_library("c")
    renameat2 = getattr(ctypes.CDLL(libc_name, use_errno=True), "renameat2", None) if libc_name else None
    if renameat2 is None:
        return False
    return renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) == 0


def put_in_place(staging: Path, site_dir: Path) -> None:
    """staging becomes site_dir; the previous site_dir is deleted after."""
    if not site_dir.exists():
        staging.rename(site_dir)
        return
    if not exchange(staging, site_dir):
        # Two renames: site/ is missing for the moment between them, never half-written.
        previous = site_dir.with_name(f"{STAGING_PREFIX}previous-{os.getpid()}")
        site_dir.rename(previous)
        staging.rename(site_dir)
        staging = previous
    shutil.rmtree(staging)


def remove_staging_left_behind(folder: Path) -> None:
    """Staging folders of builds that were killed before they could tidy up (one
    checkout builds one site at a time)."""
    for left in folder.glob(f"{STAGING_PREFIX}*"):
        shutil.rmtree(left, ignore_errors=True)


def build(site_dir: Path, mkdocs_arguments: list[str]) -> int:
    """`mkdocs build --strict` of the project in the current folder, into site_dir
    only if it passes. Returns MkDocs' exit code."""
    site_dir = site_dir.absolute()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    remove_staging_left_behind(site_dir.parent)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=site_dir.parent))
    try:
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict",
                                 "--site-dir", str(staging), *mkdocs_arguments])
        if result.returncode != 0:
            print(f"Nothing was published: {site_dir.name}/ is as it was before this build.", file=sys.stderr)
            return result.returncode
        staging.chmod(0o755)  # mkdtemp makes a folder only its owner can read
        put_in_place(staging, site_dir)
        return 0
    finally:
        with contextlib.suppress(FileNotFoundError):
            shutil.rmtree(staging)
