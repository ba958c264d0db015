"""Names and sentences of an annotated corpus that found their way into the project's files.

Usage:
    python bench/corpus_words.py CORPUS.jsonl [CORPUS.jsonl ...] [--paths PATH ...] [--ngram N]

House rule: the corpus's text and names never go in the project (comments, docstrings, tests).
This lists, per file and line, every capitalised run of two or more words ("Rob Hale") and every
run of N words (6 by default) that also occurs in the corpus's texts. Invented names that happen
to be real ones show up too: read the list, do not trust it blindly. It prints only what the
project's own files hold, never a line of the corpus.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

_NAME = re.compile(
    r"\b[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|de|van|von|al|bin))*\s+[A-Z][\w'’-]*"
)
_WORD = re.compile(r"[\w'’]+")
_DEFAULT_PATHS = (
    "store/extract",
    "tests/extraction_support.py",
    "tests/test_extract_*.py",
    "bench/extraction.py",
)
#: Capitalised runs the language and the code share with any corpus: not names of anyone.
_COMMON = frozenset(
    {"The", "A", "An", "In", "On", "At", "He", "She", "It", "We", "They", "I", "But", "And"}
)


def _files(paths: list[str]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if "*" in path:
            found += sorted(Path().glob(path))
        elif Path(path).is_dir():
            found += sorted(p for p in Path(path).rglob("*") if p.suffix in {".py", ".txt", ".md"})
        else:
            found.append(Path(path))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, nargs="+")
    parser.add_argument("--paths", nargs="*", default=list(_DEFAULT_PATHS))
    parser.add_argument("--ngram", type=int, default=6)
    options = parser.parse_args()
    texts: list[str] = []
    for path in options.corpus:
        with path.open(encoding="utf-8") as handle:
            texts += [json.loads(line)["text"] for line in handle if line.strip()]
    corpus = "\n".join(texts)
    corpus_words = [w.lower() for w in _WORD.findall(corpus)]
    runs = {
        hash(tuple(corpus_words[i : i + options.ngram]))
        for i in range(len(corpus_words) - options.ngram + 1)
    }
    hits = 0
    for path in _files(options.paths):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            found: list[str] = []
            for match in _NAME.finditer(line):
                words = match.group().split()
                while words and words[0] in _COMMON:
                    words = words[1:]
                name = " ".join(words)
                if len(words) >= 2 and re.search(rf"\b{re.escape(name)}\b", corpus):
                    found.append(name)
            words = [w.lower() for w in _WORD.findall(line)]
            for index in range(len(words) - options.ngram + 1):
                run = words[index : index + options.ngram]
                if hash(tuple(run)) in runs:
                    found.append(f"[{options.ngram} words] {' '.join(run)}")
                    break
            if found:
                hits += 1
                print(f"{path}:{number}: {'; '.join(dict.fromkeys(found))}")
    print(f"{hits} lines", file=sys.stderr)


if __name__ == "__main__":
    main()
