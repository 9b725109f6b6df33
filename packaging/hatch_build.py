"""Hatch build hook: the compiled translations go into every build.

resources/i18n/*.qm are git-ignored: `make translations` compiles them with
pyside6-lrelease. A build without make (`pip install .`, `pip install -e .`,
`python -m build` from a fresh clone) would lack them, and gzexplorer would have no
Chinese. This hook, run by hatchling before it collects the files of any target (sdist,
wheel, editable wheel), compiles each .ts whose .qm is missing or older, in place, with
packaging/qm.py: standard library only, since pip's isolated build environment has no
Qt. The sdist carries the .qm (pyproject's artifacts), the wheel has them under
gzexplorer/resources/i18n, and an editable install finds them in the checkout.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def _qm_module():
    spec = importlib.util.spec_from_file_location(
        "gzexplorer_qm", Path(__file__).with_name("qm.py")
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TranslationsHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        folder = Path(self.root) / "resources" / "i18n"
        stale = [
            ts
            for ts in sorted(folder.glob("*.ts"))
            if not ts.with_suffix(".qm").is_file()
            or ts.with_suffix(".qm").stat().st_mtime < ts.stat().st_mtime
        ]
        if not stale:
            return
        qm = _qm_module()
        for ts in stale:
            count = qm.compile_ts(ts, ts.with_suffix(".qm"))
            self.app.display_info(f"compiled {ts.with_suffix('.qm').name}: {count} translations")
