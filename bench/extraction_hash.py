"""One hash of every quotation extracted from a set of articles: a refactoring's witness.

Usage:
    python bench/extraction_hash.py ARTICLES.jsonl [--fields speaker_rule] [--dump FILE]

A change meant to keep extraction's behaviour (rules renamed, word lists moved to data files,
modules split) must leave this hash as it was. Each quotation contributes its offsets, kind,
speaker, speaker as written, role, outlet, relay, how its speaker was found and the model's
confidence rounded to three places; the hash covers them in text order, article by article.
`--dump` writes the same lines to a file, so that two runs that differ can be compared line by
line; `--fields` adds fields to each line (a new field, to see what it holds, changes the hash).
The articles are read, never copied: nothing of them goes in the project.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from store.article import Article
from store.extract import extract_quotations
from store.quotation import Quotation

_FIELDS = (
    "start",
    "end",
    "kind",
    "speaker",
    "speaker_as_written",
    "speaker_role",
    "reported_to",
    "via",
    "speaker_found_by",
)


def quotation_line(quotation: Quotation, extra: tuple[str, ...] = ()) -> str:
    """What the hash covers of one quotation, as one line of JSON."""
    values: list[object] = [str(getattr(quotation, name)) for name in _FIELDS]
    confidence = quotation.speaker_confidence
    values.append(None if confidence is None else round(confidence, 3))
    values += [getattr(quotation, name) for name in extra]
    return json.dumps(values, ensure_ascii=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="articles, JSON Lines with `text` and `outlet`")
    parser.add_argument("--fields", default="", help="comma-separated extra fields per line")
    parser.add_argument("--dump", type=Path, help="write every hashed line to this file")
    options = parser.parse_args()
    extra = tuple(f for f in options.fields.split(",") if f)
    digest = hashlib.sha256()
    counts: Counter[str] = Counter()
    lines: list[str] = []
    with options.data.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            article = json.loads(line)
            found = extract_quotations(Article(text=article["text"], outlet=article.get("outlet")))
            counts["articles"] += 1
            lines.append(f"# article {counts['articles']}")
            for quotation in found:
                counts[str(quotation.kind)] += 1
                counts["with speaker"] += quotation.speaker is not None
                lines.append(quotation_line(quotation, extra))
    for line in lines:
        digest.update(line.encode("utf-8") + b"\n")
    if options.dump:
        options.dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(digest.hexdigest())
    print(", ".join(f"{key}: {value}" for key, value in sorted(counts.items())))


if __name__ == "__main__":
    main()
