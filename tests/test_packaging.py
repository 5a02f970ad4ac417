"""An installed wheel carries its prompts and rule packs and finds them outside the source tree."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_ships_prompts_and_packs_and_uses_them(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp_path / "dist"), str(ROOT)], check=True, timeout=300)
    wheel = next((tmp_path / "dist").glob("copygen-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "copygen/_data/prompts/system.j2" in names and "copygen/_data/guardrails/claims.yaml" in names
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    # Run from the unpacked wheel only: the source tree is neither the cwd nor on the path.
    # Drop the source root (an editable install puts it on the path) but keep site-packages, even when the
    # virtual environment lives inside the checkout.
    code = ("import os, sys; root = os.path.realpath(sys.argv[2]);"
            "sys.path = [p for p in sys.path if p and os.path.realpath(p) != root]; sys.path.insert(0, sys.argv[1]);"
            "import copygen, copygen.resources as r;"
            "assert copygen.__file__.startswith(sys.argv[1]), copygen.__file__;"
            "print(r.data_dir('prompts')); print(r.data_dir('guardrails'));"
            "print(len(copygen.check('Cures everything', platform='sms').findings))")
    out = subprocess.run([sys.executable, "-c", code, str(site), str(ROOT)], capture_output=True, text=True, cwd=tmp_path,
                         check=True, timeout=120).stdout.split()
    assert out[0].startswith(str(site)) and out[1].startswith(str(site)) and int(out[2]) > 0
