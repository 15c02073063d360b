"""Coverage-guided fuzzing of one newsparse format's parser, with atheris.

Usage: ``python fuzz/fuzz_parse.py FORMAT CORPUS_DIR [libFuzzer options]``
(or ``FORMAT INPUT_FILE...`` to replay saved inputs),
where FORMAT is a format that parses (``json``, ``jsonl``, ``html``, ``tt``
...) or ``detect``; see ``fuzz/README.md``.  newsparse and its plugins are
imported under atheris's instrumentation, so libFuzzer sees which branches of
their Python code each input reaches.  Every input goes through
:func:`parse_checks.check_input`; a broken promise is an uncaught exception,
which libFuzzer reports as a crash, saving the input as ``crash-*``.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from pathlib import Path

# The packages whose Python code is instrumented for coverage.
_INSTRUMENTED = ["newsparse", "newsparse_aawsat", "newsparse_brief", "parse_checks"]


def main(argv: list[str]) -> None:
    """Fuzz the format named in ``argv[1]`` with libFuzzer."""
    usage = "usage: fuzz_parse.py FORMAT|detect CORPUS_DIR [libFuzzer options]"
    if len(argv) < 3 or argv[1].startswith("-") or argv[2].startswith("-"):
        sys.exit(usage)
    atheris = importlib.import_module("atheris")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    with atheris.instrument_imports(include=_INSTRUMENTED):
        import parse_checks  # noqa: PLC0415

        import newsparse  # noqa: PLC0415 - must be imported under instrumentation

        # Loading the plugins and parsing the seeds imports every module the
        # parsers use, some of them lazily, while instrumentation is on.
        known = [name for name, fmt in newsparse.formats().items() if fmt.can_parse]
        format_name, corpus = argv[1], Path(argv[2])
        if format_name not in [*known, parse_checks.DETECT]:
            sys.exit(f"{usage}\nformats that parse: {', '.join(known)}")
        if not corpus.is_file():  # a file is an input to replay, not a corpus
            parse_checks.write_seeds(corpus, format_name)
        for seed in parse_checks.seed_inputs(format_name):
            parse_checks.check_input(seed, format_name)

    def one_input(data: bytes) -> None:
        parse_checks.check_input(data, format_name)

    test: Callable[[bytes], None] = one_input
    atheris.Setup([argv[0], *argv[2:]], test)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
