#!/usr/bin/env python3
"""Checks the bundled sample sets' expected.json files against their articles.

For every set folder next to this script (or the folders given as arguments):
- expected.json parses and has the documented keys;
- every file it names exists, and "stories" covers each article file exactly once;
- every "contains" occurs exactly once in its file (raw text; HTML with tags crudely
  stripped and entities unescaped), and does not span a blank line (paragraph break);
- every flagged / not_flagged "term" occurs in its file as a whole word (inside the
  sentence given by the optional "contains", when present);
- every label variant (and not_labels variant) occurs in at least one article of the set;
- categories and quote kinds are from the documented vocabularies.

Standard library only. Exit status 0 when clean, 1 when any problem was found.
Usage: python3 assets/samples/check_expected.py [SET_DIR...]
"""

import html
import json
import re
import sys
from pathlib import Path

ARTICLE_EXTS = {".txt", ".md", ".html", ".htm"}
CATEGORIES = {
    "attribution-neutral",
    "attribution-distancing",
    "attribution-endorsing",
    "attribution-loaded",
    "hedge",
    "loaded",
    "label",
}
QUOTE_KINDS = {"verbatim", "trimmed", "altered", "misattributed"}
REQUIRED_KEYS = {"title", "description", "stories", "linked", "not_linked", "unique"}
OPTIONAL_KEYS = {
    "flagged",
    "not_flagged",
    "labels",
    "quotes",
    "contradictions",
    "not_contradictions",
    "not_labels",
    "reuse",
    "removed",
    "metadata",
}


def text_of(path: Path) -> str:
    """The file's text as the checker sees it: raw, or crudely de-tagged HTML."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix.lower() in {".html", ".htm"}:
        raw = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw)
        raw = re.sub(r"(?s)<[^>]+>", " ", raw)
        raw = html.unescape(raw)
    return raw


class Checker:
    def __init__(self, set_dir: Path):
        self.dir = set_dir
        self.problems: list[str] = []
        self.texts: dict[str, str] = {}
        self.counts: dict[str, int] = {}

    def problem(self, where: str, msg: str) -> None:
        self.problems.append(f"{self.dir.name}: {where}: {msg}")

    def text(self, file: str, where: str) -> str | None:
        if file not in self.texts:
            path = self.dir / file
            if not path.is_file():
                self.problem(where, f"file {file!r} does not exist")
                return None
            self.texts[file] = text_of(path)
        return self.texts[file]

    def locate(self, ref, where: str) -> None:
        """Checks a {"file", "contains"} reference."""
        if not isinstance(ref, dict) or "file" not in ref or "contains" not in ref:
            self.problem(where, f"expected {{file, contains}}, got {ref!r}")
            return
        text = self.text(ref["file"], where)
        if text is None:
            return
        needle = ref["contains"]
        n = text.count(needle)
        if n != 1:
            self.problem(where, f"{needle!r} occurs {n} times in {ref['file']} (want exactly 1)")
            return
        if re.search(r"\n\s*\n", needle):
            self.problem(where, f"{needle!r} spans a paragraph break")
        # Crude sentence-boundary test: end punctuation, optional closing quote, space, capital.
        # Known abbreviations (U.S., Dr.) are exempt.
        for m in re.finditer(r"(\S*)[.!?][\"”’]?\s+[A-Z“\"]", needle):
            if m.group(1) not in {"U.S", "Dr", "Mr", "Ms", "Mrs", "St", "Gen"}:
                self.problem(where, f"{needle!r} seems to span two sentences")

    def term(self, entry, where: str) -> None:
        text = self.text(entry.get("file", ""), where)
        if text is None:
            return
        term = entry.get("term", "")
        scope = text
        if "contains" in entry:
            self.locate(entry, where)
            # The paragraph/line holding the substring is close enough to "its sentence".
            i = text.find(entry["contains"])
            if i >= 0:
                start = text.rfind("\n", 0, i) + 1
                end = text.find("\n", i)
                scope = text[start : end if end >= 0 else len(text)]
        pattern = r"(?<!\w)" + re.escape(term) + r"(?!\w)"
        if not re.search(pattern, scope, re.IGNORECASE):
            self.problem(where, f"term {term!r} not found in {entry.get('file')}")

    def run(self) -> None:
        path = self.dir / "expected.json"
        try:
            exp = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as e:
            self.problem("expected.json", f"cannot read: {e}")
            return
        missing = REQUIRED_KEYS - exp.keys()
        if missing:
            self.problem("expected.json", f"missing keys {sorted(missing)}")
        unknown = exp.keys() - REQUIRED_KEYS - OPTIONAL_KEYS
        if unknown:
            self.problem("expected.json", f"unknown keys {sorted(unknown)}")
        for key in REQUIRED_KEYS | OPTIONAL_KEYS:
            self.counts[key] = len(exp.get(key, [])) if isinstance(exp.get(key), list) else 0

        articles = sorted(p.name for p in self.dir.iterdir() if p.suffix.lower() in ARTICLE_EXTS)
        grouped = [f for story in exp.get("stories", []) for f in story]
        if sorted(grouped) != articles:
            self.problem("stories", f"cover {sorted(grouped)}, articles are {articles}")
        for f in grouped:
            self.text(f, "stories")

        for i, e in enumerate(exp.get("linked", [])):
            self.locate(e.get("a"), f"linked[{i}].a")
            self.locate(e.get("b"), f"linked[{i}].b")
            if e.get("a", {}).get("file") == e.get("b", {}).get("file"):
                self.problem(f"linked[{i}]", "a and b are in the same file")
        for i, e in enumerate(exp.get("not_linked", [])):
            self.locate(e.get("a"), f"not_linked[{i}].a")
            self.locate(e.get("b"), f"not_linked[{i}].b")
        for i, e in enumerate(exp.get("unique", [])):
            self.locate(e, f"unique[{i}]")
        for i, e in enumerate(exp.get("flagged", [])):
            self.term(e, f"flagged[{i}]")
            if e.get("category") not in CATEGORIES:
                self.problem(f"flagged[{i}]", f"unknown category {e.get('category')!r}")
        for i, e in enumerate(exp.get("not_flagged", [])):
            self.term(e, f"not_flagged[{i}]")
        all_text = "\n".join(self.text(f, "labels") or "" for f in articles).lower()
        for i, e in enumerate(exp.get("labels", [])):
            for v in e.get("variants", []):
                if v.lower() not in all_text:
                    self.problem(f"labels[{i}]", f"variant {v!r} occurs in no article")
        for i, e in enumerate(exp.get("quotes", [])):
            if e.get("kind") not in QUOTE_KINDS:
                self.problem(f"quotes[{i}]", f"unknown kind {e.get('kind')!r}")
            self.locate(e.get("a"), f"quotes[{i}].a")
            self.locate(e.get("b"), f"quotes[{i}].b")
        for key in ("contradictions", "not_contradictions"):
            for i, e in enumerate(exp.get(key, [])):
                self.locate(e.get("a"), f"{key}[{i}].a")
                self.locate(e.get("b"), f"{key}[{i}].b")
        for i, e in enumerate(exp.get("not_labels", [])):
            for v in e.get("variants", []):
                if v.lower() not in all_text:
                    self.problem(f"not_labels[{i}]", f"variant {v!r} occurs in no article")
        for i, e in enumerate(exp.get("reuse", [])):
            self.text(e.get("from", ""), f"reuse[{i}].from")
            self.text(e.get("to", ""), f"reuse[{i}].to")
        for i, e in enumerate(exp.get("removed", [])):
            self.locate(e, f"removed[{i}]")
        for i, e in enumerate(exp.get("metadata", [])):
            self.text(e.get("file", ""), f"metadata[{i}]")
            pub = e.get("published")
            if pub is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", pub):
                self.problem(f"metadata[{i}]", f"published {pub!r} is not YYYY-MM-DD")


def main(argv: list[str]) -> int:
    root = Path(__file__).resolve().parent
    dirs = [Path(a) for a in argv] or sorted(p for p in root.iterdir() if p.is_dir())
    failed = False
    for d in dirs:
        c = Checker(d)
        c.run()
        summary = ", ".join(f"{k} {v}" for k, v in sorted(c.counts.items()) if v)
        print(f"{d.name}: {summary}")
        for p in c.problems:
            print(f"  PROBLEM {p}")
        failed |= bool(c.problems)
    print("FAILED" if failed else "all clean")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
