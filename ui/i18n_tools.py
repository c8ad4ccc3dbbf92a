"""Keep the translations current: ``python3 -m ui.i18n_tools``.

1. ``pyside6-lupdate`` reads every ``translate(...)`` / ``QT_TRANSLATE_NOOP(...)`` in ``ui/``
   and brings ``resources/i18n/graphviz_nn_ko.ts`` up to date (new strings come in as
   unfinished; strings no longer in the sources go).
2. ``pyside6-lrelease`` compiles it to ``ui/translations/graphviz_nn_ko.qm``, which ships in
   the package.
3. It lists what is still untranslated. Translate in Qt Linguist (``pyside6-linguist``) or in
   the XML, following ``resources/i18n/glossary.md``; then run this again.

The tests fail if a string is unfinished or the ``.qm`` file is older than the ``.ts`` file.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "graphviz_nn_ko.ts"
QM = ROOT / "ui" / "translations" / "graphviz_nn_ko.qm"


def tool(name: str) -> str:
    """The path of Qt's ``lupdate`` / ``lrelease`` that PySide6 ships."""
    import PySide6

    bundled = Path(PySide6.__file__).resolve().parent / name
    if bundled.exists():
        return str(bundled)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} not found: it comes with PySide6-Essentials")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))


def update_ts(ts: Path = TS) -> str:
    """Run lupdate over ``ui/`` into ``ts``; returns lupdate's summary."""
    ts.parent.mkdir(parents=True, exist_ok=True)
    out = subprocess.run([tool("lupdate"), *sources(), "-locations", "none", "-no-obsolete",
                          "-target-language", "ko_KR", "-ts", str(ts)],
                         cwd=ROOT, capture_output=True, text=True, check=True)
    return out.stdout.strip()


def release(ts: Path = TS, qm: Path = QM) -> None:
    qm.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT,
                   capture_output=True, text=True, check=True)


def messages(ts: Path = TS) -> list[dict]:
    """Every message of ``ts``: context, source, translation text and whether it is
    unfinished (or empty)."""
    rows = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            tr = message.find("translation")
            forms = [f.text or "" for f in tr.iter("numerusform")] if tr is not None else []
            text = (tr.text or "") if tr is not None else ""
            done = tr is not None and tr.get("type") not in ("unfinished", "vanished",
                                                            "obsolete")
            rows.append({"context": name, "source": message.findtext("source") or "",
                         "translation": text if not forms else " | ".join(forms),
                         "unfinished": not done or not (text.strip() or any(forms))})
    return rows


def main(argv: list[str] | None = None) -> int:
    print(update_ts())
    release()
    todo = [m for m in messages() if m["unfinished"]]
    for m in todo:
        print(f"untranslated [{m['context']}] {m['source']!r}")
    print(f"{QM.relative_to(ROOT)} written; {len(todo)} string(s) still to translate")
    return 1 if todo else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
