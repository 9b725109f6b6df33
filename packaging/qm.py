"""Compile a Qt Linguist translation (.ts) into the binary form QTranslator loads (.qm).

    python3 packaging/qm.py resources/i18n/gzexplorer_zh_CN.ts resources/i18n/gzexplorer_zh_CN.qm

What `pyside6-lrelease` does for gzexplorer's translations, with the standard library
only, so that a build environment without Qt (pip's isolated one, where the hatch build
hook packaging/hatch_build.py runs) can still put the translations into every wheel
and editable install. `make translations` uses pyside6-lrelease itself; for the same
.ts both give the same file (tests/test_translations_install.py checks it).

The format, as Qt's lrelease writes it (qttools/src/linguist/shared/qm.cpp): a magic
number, then tagged sections (tag byte, big-endian length, data). Language: the .ts's
language. Hashes: for each message, the ELF hash of its source text and comment with
the message's offset, sorted, which QTranslator searches. Messages, sorted by context,
source text and comment: the translation(s) as UTF-16, then the comment, source text
and context as UTF-8, each with its tag. Plural rules are left out: they are only
needed for languages with more than one plural form, which this compiler refuses
(use pyside6-lrelease for those).
"""

from __future__ import annotations

import struct
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
# section tags
LANGUAGE, HASHES, MESSAGES = 0xA7, 0x42, 0x69
# message tags
END, TRANSLATION, SOURCE_TEXT, CONTEXT, COMMENT = 1, 3, 6, 7, 8


class TsError(ValueError):
    """A .ts file this compiler cannot turn into a .qm."""


def elf_hash(data: bytes) -> int:
    """The hash QTranslator looks a message up by (of its source text + comment)."""
    h = 0
    for byte in data:
        h = ((h << 4) + byte) & 0xFFFFFFFF
        g = h & 0xF0000000
        if g:
            h ^= g >> 24
        h &= ~g & 0xFFFFFFFF
    return h or 1


def _utf8(tag: int, text: str) -> bytes:
    data = text.encode("utf-8")
    return struct.pack(">BI", tag, len(data)) + data


def _utf16(tag: int, text: str) -> bytes:
    data = text.encode("utf-16-be")
    return struct.pack(">BI", tag, len(data)) + data


def read_ts(path: Path) -> tuple[str, list[tuple[str, str, str, list[str]]]]:
    """The language and the translated messages of a .ts file: (context, source text,
    comment, translations), skipping the untranslated and the obsolete ones, as
    lrelease does by default (unfinished translations that have a text are kept)."""
    root = ET.parse(path).getroot()
    messages = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("obsolete", "vanished"):
                continue
            if message.get("numerus") == "yes":
                forms = [f.text or "" for f in translation.iter("numerusform")]
                if len(forms) > 1:
                    raise TsError(
                        f"{path}: plural forms ({len(forms)}) need plural rules; "
                        "compile this language with pyside6-lrelease"
                    )
            else:
                forms = [translation.text or ""]
            if list(translation.iter("lengthvariant")) or list(translation.iter("byte")):
                raise TsError(f"{path}: length variants and <byte> are not supported")
            if not any(forms):
                continue  # untranslated: the source text is shown
            source = message.findtext("source") or ""
            messages.append((name, source, message.findtext("comment") or "", forms))
    return root.get("language") or "", messages


def qm_bytes(language: str, messages: list[tuple[str, str, str, list[str]]]) -> bytes:
    """The .qm file of ``messages`` (as :func:`read_ts` gives them)."""
    body = bytearray()
    offsets = []
    for context, source, comment, forms in sorted(
        messages, key=lambda m: (m[0].encode(), m[1].encode(), m[2].encode())
    ):
        offsets.append((elf_hash((source + comment).encode("utf-8")), len(body)))
        for form in forms:
            body += _utf16(TRANSLATION, form)
        body += _utf8(COMMENT, comment) + _utf8(SOURCE_TEXT, source) + _utf8(CONTEXT, context)
        body += bytes([END])
    hashes = b"".join(struct.pack(">II", h, at) for h, at in sorted(offsets))
    out = bytearray(MAGIC)
    if language:
        out += _utf8(LANGUAGE, language)
    out += struct.pack(">BI", HASHES, len(hashes)) + hashes
    out += struct.pack(">BI", MESSAGES, len(body)) + body
    return bytes(out)


def compile_ts(ts: Path, qm: Path) -> int:
    """Write ``qm`` from ``ts`` (through a temporary file, so a failed build leaves no
    half-written one); returns the number of messages."""
    language, messages = read_ts(ts)
    partial = qm.with_name(qm.name + ".part")
    partial.write_bytes(qm_bytes(language, messages))
    partial.replace(qm)
    return len(messages)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: qm.py FILE.ts FILE.qm", file=sys.stderr)
        return 2
    try:
        count = compile_ts(Path(argv[0]), Path(argv[1]))
    except (OSError, ET.ParseError, TsError) as exc:
        print(f"qm.py: {exc}", file=sys.stderr)
        return 1
    print(f"{argv[1]}: {count} translations")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
