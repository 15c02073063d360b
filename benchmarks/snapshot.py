"""Snapshot of what newsparse makes of every corpus input, to show a change kept behaviour.

It parses every input the shared corpora hold, with the calls a user makes
(``newsparse.parse(path, ...)``), and writes one pickle file mapping each
input to its result: the list of ``Article`` objects, or the error raised
(its type and message).  Taken before and after a change that must not alter
behaviour, two snapshots are compared with ``--compare OLD NEW``, which lists
every input whose result differs and exits with status 1 when any does.

The inputs, each named by its path relative to the ``shared`` folder (or
``repo/...`` for a file of the repository), so that snapshots taken from two
checkouts compare:

html
    every ``*.html.gz`` and ``*.html`` page under ``corpora/scrapinghub``,
    ``corpora/fundus`` and ``corpora/readability`` (for readability, both the
    source page and readability.js's expected output), parsed with
    ``format="html"``;
tt
    the TT seed (``examples/*.txt`` of the shared folder and of the
    repository) and the TT files of the aawsat plugin's tests, parsed with
    ``format="tt"``;
wire
    every file under ``corpora/iptc`` and ``corpora/wire`` but the
    schemas (``*.xsd``), READMEs and licences: NITF, ninjs, NewsML-G2 and
    the other agency formats, with the format detected as ``newsparse.parse``
    detects it (a file no format reads is recorded with its error).

Two results are the same when the ``repr`` of their articles is: it shows
every field, a date's offset included (which ``==`` on datetimes ignores).
The installed plugins take part (site parsers, the ``tt`` and IPTC
formats); the snapshot records them, and the comparison warns when they
differ.

Usage::

    python benchmarks/snapshot.py --out /tmp/snapshot-before.pkl
    python benchmarks/snapshot.py --out /tmp/snapshot-after.pkl
    python benchmarks/snapshot.py --compare /tmp/snapshot-before.pkl /tmp/snapshot-after.pkl

Without the shared folder it prints why and exits with status 0 (skipped).
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import attrs

import newsparse
from newsparse.plugin import get_host

REPO = Path(__file__).resolve().parents[1]
HTML_CORPORA = ("scrapinghub", "fundus", "readability")
WIRE_CORPORA = ("iptc", "wire")
_NOT_INPUTS = (".xsd", ".md")
_NOT_INPUT_NAMES = ("readme", "license", "licence")
SNAPSHOT_VERSION = 1


@dataclass(frozen=True)
class Input:
    """One file to parse: its name in the snapshot, where it is, and the format to use."""

    key: str
    path: Path
    format: str | None  # None: detected


# The error a parse raised: its type's full name and its message.  Results
# and snapshots are plain data (lists, tuples, dicts), so that reading a
# snapshot needs no class of this script.
Failure = tuple[str, str]
Result = list[Any] | Failure  # the articles, or the error


@dataclass
class Snapshot:
    """The results of one run, by input key, and what produced them."""

    results: dict[str, Result] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    plugins: list[dict[str, Any]] = field(default_factory=list)
    newsparse_file: str = ""
    python: str = ""

    def to_data(self) -> dict[str, Any]:
        """Return the snapshot as plain data, as it is pickled."""
        return {"version": SNAPSHOT_VERSION, **vars(self)}


def default_shared_dir() -> Path:
    """Return ``<repo>/../shared``."""
    return REPO.parent / "shared"


def _sorted_files(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file())


def html_inputs(shared: Path) -> Iterator[Input]:
    """Yield every HTML page of the html corpora."""
    for corpus in HTML_CORPORA:
        for path in _sorted_files(shared / "corpora" / corpus):
            if path.name.endswith((".html.gz", ".html", ".htm")):
                yield Input(str(path.relative_to(shared)), path, "html")


def tt_inputs(shared: Path) -> Iterator[Input]:
    """Yield the TT seed and the TT files of the aawsat plugin's tests."""
    for path in sorted((shared / "examples").glob("*.txt")):
        yield Input(str(path.relative_to(shared)), path, "tt")
    for folder in (REPO / "examples", REPO / "plugins" / "newsparse-aawsat" / "tests" / "data"):
        for path in sorted(folder.glob("*.txt")):
            yield Input("repo/" + str(path.relative_to(REPO)), path, "tt")


def wire_inputs(shared: Path) -> Iterator[Input]:
    """Yield every agency file under the iptc and wire corpora (not schemas or notes)."""
    for corpus in WIRE_CORPORA:
        for path in _sorted_files(shared / "corpora" / corpus):
            lowered = path.name.lower()
            if lowered.endswith(_NOT_INPUTS) or lowered.startswith(_NOT_INPUT_NAMES):
                continue
            yield Input(str(path.relative_to(shared)), path, None)


def all_inputs(shared: Path) -> dict[str, list[Input]]:
    """Return the inputs by kind (html, tt, wire)."""
    return {
        "html": list(html_inputs(shared)),
        "tt": list(tt_inputs(shared)),
        "wire": list(wire_inputs(shared)),
    }


def parse_one(item: Input) -> Result:
    """Return what ``newsparse.parse`` makes of ``item``: its articles, or the error.

    Repository files are parsed by their relative path from the repository,
    so that an error's source names the same file in every checkout.
    """
    path = item.path
    if path.is_relative_to(REPO):
        path = path.relative_to(REPO)
    try:
        return list(newsparse.parse(path, item.format))
    except Exception as error:  # every outcome is recorded, raw errors too
        # The class's name, without its module: the public line (issue 19)
        # moved the classes, and a move is not a change of behaviour.
        return (type(error).__qualname__, str(error))


def take(shared: Path) -> Snapshot:
    """Parse every input under ``shared`` and return the snapshot."""
    snapshot = Snapshot(
        plugins=[info.to_dict() for info in get_host().plugins],
        newsparse_file=str(Path(newsparse.__file__).parent),
        python=sys.version.split()[0],
    )
    here = Path.cwd()
    os.chdir(REPO)  # see parse_one
    try:
        for kind, inputs in all_inputs(shared).items():
            for item in inputs:
                snapshot.results[item.key] = parse_one(item)
                snapshot.kinds[item.key] = kind
    finally:
        os.chdir(here)
    return snapshot


def fingerprint(result: Result) -> str:
    """Return the text two results are compared by (``repr`` shows every field)."""
    return repr(result)


def describe(result: Result) -> str:
    """Return a short description of a result, for reports."""
    if isinstance(result, tuple):
        return f"{result[0]}: {result[1][:200]}"
    return f"{len(result)} article(s)"


def first_difference(old: Result, new: Result) -> str:
    """Return where two different results first differ, in a few words."""
    if isinstance(old, tuple) or isinstance(new, tuple):
        return f"was {describe(old)}; now {describe(new)}"
    if len(old) != len(new):
        return f"was {len(old)} article(s); now {len(new)}"
    for index, (before, after) in enumerate(zip(old, new, strict=True)):
        if repr(before) == repr(after):
            continue
        if not attrs.has(type(before)) or type(before) is not type(after):
            return f"article {index}: {before!r:.200} -> {after!r:.200}"
        for attribute in attrs.fields(type(before)):
            was, now = getattr(before, attribute.name), getattr(after, attribute.name)
            if repr(was) != repr(now):
                return f"article {index}, {attribute.name}: {was!r:.200} -> {now!r:.200}"
    return "the results differ"


def summary(snapshot: Snapshot) -> str:
    """Return the counts of a snapshot: inputs, articles and errors by kind."""
    lines = []
    for kind in ("html", "tt", "wire"):
        keys = [key for key, k in snapshot.kinds.items() if k == kind]
        results = [snapshot.results[key] for key in keys]
        errors = sum(isinstance(result, tuple) for result in results)
        articles = sum(len(result) for result in results if isinstance(result, list))
        lines.append(f"{kind:<5} {len(keys):>5} inputs, {articles:>6} articles, {errors:>4} errors")
    return "\n".join(lines)


class _Unpickler(pickle.Unpickler):
    """Reads snapshots taken before the modules moved (``newsparse.model``: ``_model``)."""

    def find_class(self, module: str, name: str) -> Any:
        try:
            return super().find_class(module, name)
        except ModuleNotFoundError:
            head, _, rest = module.partition(".")
            if head != "newsparse" or not rest or rest.startswith("_"):
                raise
            return super().find_class(f"newsparse._{rest}", name)


def _error_name(result: object) -> object:
    """The error of an old snapshot named as :func:`snapshot` names it now: class name only."""
    if isinstance(result, tuple) and len(result) == 2 and isinstance(result[0], str):
        return (result[0].rpartition(".")[2], result[1])
    return result


def load(path: Path) -> Snapshot:
    """Read a snapshot written by this script (or by its version before the public line)."""
    with path.open("rb") as stream:
        data = _Unpickler(stream).load()  # our own file
    if not isinstance(data, dict) or data.pop("version", None) != SNAPSHOT_VERSION:
        raise SystemExit(f"{path} is not a snapshot of this script (version {SNAPSHOT_VERSION})")
    data["results"] = {key: _error_name(result) for key, result in data["results"].items()}
    return Snapshot(**data)


def compare(old_path: Path, new_path: Path) -> int:
    """Print every input whose result differs between two snapshots; return the count."""
    old, new = load(old_path), load(new_path)
    print(f"old: {old_path} (newsparse from {old.newsparse_file})")
    print(f"new: {new_path} (newsparse from {new.newsparse_file})")
    if _plugin_list(old) != _plugin_list(new):
        print(f"warning: the plugins differ:\n  old {_plugin_list(old)}\n  new {_plugin_list(new)}")
    differences = 0
    for key in sorted(old.results.keys() | new.results.keys()):
        if key not in new.results:
            print(f"DIFFERENT {key}: missing from the new snapshot")
        elif key not in old.results:
            print(f"DIFFERENT {key}: missing from the old snapshot")
        elif fingerprint(old.results[key]) != fingerprint(new.results[key]):
            print(f"DIFFERENT {key}: {first_difference(old.results[key], new.results[key])}")
        else:
            continue
        differences += 1
    compared = len(old.results.keys() & new.results.keys())
    print(summary(new))
    print(f"{compared} inputs compared, {differences} differences")
    return differences


def _plugin_list(snapshot: Snapshot) -> list[tuple[str, object, object]]:
    return [(p["name"], p["formats"], p["site_parsers"]) for p in snapshot.plugins]


def main(argv: Sequence[str] | None = None) -> int:
    """Take a snapshot, or compare two; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--shared",
        type=Path,
        default=default_shared_dir(),
        help="the shared folder holding corpora/ and examples/ (default: <repo>/../shared)",
    )
    parser.add_argument("--out", type=Path, help="where to write the snapshot (a pickle file)")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("OLD", "NEW"))
    args = parser.parse_args(argv)
    if args.compare is not None:
        return 1 if compare(*args.compare) else 0
    if args.out is None:
        parser.error("give --out PATH to take a snapshot, or --compare OLD NEW")
    if not (args.shared / "corpora").is_dir():
        print(f"skipped: no corpora at {args.shared / 'corpora'} (see --shared)")
        return 0
    start = time.perf_counter()
    snapshot = take(args.shared)
    with args.out.open("wb") as stream:
        pickle.dump(snapshot.to_data(), stream, protocol=pickle.HIGHEST_PROTOCOL)
    print(summary(snapshot))
    seconds = time.perf_counter() - start
    print(f"wrote {args.out}: {len(snapshot.results)} inputs in {seconds:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
