"""The ``newsparse`` command line.

Exit codes:

``0``
    Success.  Fields left out with ``--drop-unrepresentable`` are reported
    on stderr but are no failure.
``1``
    Bad input: a file could not be parsed, its format not detected, an article
    not rendered in the chosen format, or a plugin failed while working.
    Every problem is printed as ``source:line:column: message``.
``2``
    Usage error: unknown option or format name, an input file that does not
    exist, or an output folder that does not exist.
"""

from __future__ import annotations

import bisect
import contextlib
import io
import itertools
import json
import os
import shutil
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, NoReturn, TextIO, cast

import attrs
import click

from newsparse import __version__
from newsparse.api import formats, iter_parse, render_to
from newsparse.dropping import DropHandler, DroppedField
from newsparse.errors import NewsparseError, ParseError, RenderError
from newsparse.limits import DEFAULT_LIMITS, Limits, parse_size
from newsparse.model import Article
from newsparse.parallel import RenderedText, RenderFailure, iter_parse_inputs, resolve_jobs
from newsparse.plugins import PluginInfo, get_host

__all__ = ["main"]

EXIT_OK = 0
"""Everything worked."""
EXIT_BAD_INPUT = 1
"""Some input could not be parsed or rendered."""
EXIT_USAGE = 2
"""The command line itself was wrong."""

STDIN = "-"

_SPOOL_MEMORY = 1 << 24  # output kept in memory up to this size, then in a temporary file


class _Origins:
    """Which input each article to render came from, so that messages can name it.

    Articles reach the renderer in the order they are read; this keeps where
    each input's run of articles starts (one entry per input, not per article).
    """

    def __init__(self) -> None:
        self.count = 0
        """How many articles went to the renderer."""
        self._starts: list[int] = []
        self._names: list[str] = []

    def add(self, source: str, articles: int = 1) -> int:
        """Count ``articles`` more articles of ``source``; return the position of the first."""
        if not self._names or self._names[-1] != source:
            self._starts.append(self.count)
            self._names.append(source)
        first = self.count
        self.count += articles
        return first

    def place(self, index: int) -> tuple[str, int] | None:
        """Return the input of the article at ``index`` and its position among that input's."""
        run = bisect.bisect_right(self._starts, index) - 1
        if run < 0 or index >= self.count:
            return None
        return self._names[run], index - self._starts[run]


class _Reporter:
    """Prints problems and dropped fields to stderr and counts them, per input."""

    def __init__(self, *, debug: bool) -> None:
        self.debug = debug
        self.problems = 0
        self.current: str | None = None
        """The input being read, to which problems are counted."""
        self.by_input: dict[str, int] = {}
        self.origins = _Origins()
        self.on_drop: DropHandler | None = None
        """``None``, or :meth:`dropped` with ``--drop-unrepresentable``."""
        self.drops = 0
        self.articles_with_drops = 0
        self._last_dropped_from: tuple[str | None, int | None] | None = None

    def note(self, item: object) -> None:
        """Count an article (or a worker's rendered text or refusal) going to the renderer."""
        current = self.current or STDIN
        if isinstance(item, RenderedText):
            self.origins.add(current, item.articles)
        elif isinstance(item, RenderFailure):
            first = self.origins.add(current)
            if isinstance(item.error, RenderError):
                item.error.index = first  # rendered alone, as article 0
        else:
            self.origins.add(current)

    def dropped(self, note: DroppedField) -> None:
        """Print a field that was dropped, naming its input and article; count it."""
        placed = None if note.index is None else self.origins.place(note.index)
        if placed is not None:
            note = attrs.evolve(note, source=placed[0], index=placed[1])
        self.drops += 1
        if (note.source, note.index) != self._last_dropped_from:
            self.articles_with_drops += 1
            self._last_dropped_from = (note.source, note.index)
        click.echo(str(note), err=True)

    def __call__(self, error: BaseException) -> None:
        self.problems += 1
        where = self.current
        if isinstance(error, RenderError) and error.index is not None:
            placed = self.origins.place(error.index)
            if placed is not None:
                error.source, error.index = placed
                where = error.source
        if where is not None:
            self.by_input[where] = self.by_input.get(where, 0) + 1
        if self.debug:
            click.echo("".join(traceback.format_exception(error)), err=True, nl=False)
        else:
            click.echo(
                f"error: {error}" if not isinstance(error, ParseError) else str(error), err=True
            )


def _warn_failed_plugins() -> None:
    for info in get_host().plugins:
        if not info.ok:
            click.echo(
                f"warning: plugin {info.name!r} failed to load: {info.error} "
                "(see 'newsparse plugins')",
                err=True,
            )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="newsparse")
@click.option("--debug", is_flag=True, help="Show Python tracebacks for errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Turn news content in many formats into articles, and back.

    Run 'newsparse COMMAND --help' for each command's options.
    """
    ctx.obj = _Reporter(debug=debug)


def _size_option(_ctx: click.Context, param: click.Parameter, value: str) -> int | None:
    """Read a ``--max-*-size`` value (512, 64K, 16M, 1G, or none)."""
    try:
        return parse_size(value)
    except ValueError as error:
        raise click.BadParameter(str(error), param=param) from None


def _size_text(size: int | None) -> str:
    """Write a size the way ``--max-*-size`` reads it (``1G``, ``64M``, ``none``)."""
    if size is None:
        return "none"
    for unit, factor in (("G", 1 << 30), ("M", 1 << 20), ("K", 1 << 10)):
        if size % factor == 0:
            return f"{size // factor}{unit}"
    return str(size)


def _check_format(name: str | None, *, option: str, need: str) -> None:
    if name is None:
        return
    fmt = formats().get(name)
    if fmt is None:
        known = ", ".join(sorted(formats()))
        raise click.BadParameter(f"no format named {name!r} (known: {known})", param_hint=option)
    if need == "parse" and not fmt.can_parse:
        raise click.BadParameter(f"format {name!r} is render-only", param_hint=option)
    if need == "render" and not fmt.can_render:
        raise click.BadParameter(f"format {name!r} is parse-only", param_hint=option)


def _output_format(to: str | None, output: str | None) -> str:
    if to is not None:
        return to
    if output is not None and output != STDIN:
        suffix = Path(output).suffix.lower()
        for name, fmt in formats().items():
            if fmt.can_render and suffix in fmt.extensions:
                return name
    return "json"


@cli.command()
@click.argument("inputs", nargs=-1, type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option(
    "-f", "--from", "from_", metavar="FORMAT", help="Input format (default: detect per file)."
)
@click.option(
    "-t",
    "--to",
    metavar="FORMAT",
    help="Output format (default: from the output file's extension, else json).",
)
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Write here instead of stdout; written atomically, and not at all on error.",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress bar on stderr (default: when stderr is a terminal).",
)
@click.option(
    "--max-input-size",
    "max_input",
    metavar="SIZE",
    callback=_size_option,
    default=_size_text(DEFAULT_LIMITS.max_input_bytes),
    show_default=True,
    help="Largest input file (512, 64K, 16M, 1G; none for no limit).",
)
@click.option(
    "--max-article-size",
    "max_article",
    metavar="SIZE",
    callback=_size_option,
    default=_size_text(DEFAULT_LIMITS.max_article_bytes),
    show_default=True,
    help="Largest article in an input (a jsonl line, an html page...).",
)
@click.option(
    "--max-depth",
    metavar="N",
    type=click.IntRange(min=1),
    default=DEFAULT_LIMITS.max_depth,
    show_default=True,
    help="Deepest nesting of JSON values or HTML elements.",
)
@click.option(
    "--partial",
    is_flag=True,
    help="Write the articles that were read even if some input had problems "
    "(the exit status is still 1).",
)
@click.option(
    "-j",
    "--jobs",
    metavar="N",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Parse in N worker processes (0: one per CPU); the output is the same as with 1.",
)
@click.option(
    "--drop-unrepresentable",
    "drop",
    is_flag=True,
    help="Leave out what the output format cannot hold (a meta key, an optional field, "
    "an image...) instead of refusing the article; every dropped field is listed on "
    "stderr. Missing required values, titles and body text are never dropped.",
)
@click.pass_obj
def convert(  # noqa: PLR0917 - click passes the options
    report: _Reporter,
    inputs: Sequence[str],
    from_: str | None,
    to: str | None,
    output: str | None,
    progress: bool | None,
    max_input: int | None,
    max_article: int | None,
    max_depth: int,
    partial: bool,
    jobs: int,
    drop: bool,
) -> None:
    """Convert INPUTS (files, or - for stdin; stdin when none) to one output.

    All articles of all inputs go into one output document.  A bad article or
    a failing input is reported and the rest are still read.  If anything was
    reported, a summary per input ends the report, the exit status is 1 and
    nothing is written, to stdout or to the output file (unless --partial).

    With --drop-unrepresentable, each field left out is listed as
    'INPUT: article N ("TITLE"): dropped FIELD (VALUE): WHY', and counted in
    a last line; dropped fields alone keep the exit status 0.
    """
    _warn_failed_plugins()
    _check_format(from_, option="--from", need="parse")
    target = _output_format(to, output)
    _check_format(target, option="--to", need="render")
    if output is not None and output != STDIN and not Path(output).parent.is_dir():
        raise click.BadParameter(f"the folder of {output!r} does not exist", param_hint="--output")
    paths = list(inputs) or [STDIN]
    show_progress = progress if progress is not None else (sys.stderr.isatty() and len(paths) > 1)
    limits = Limits(max_input_bytes=max_input, max_article_bytes=max_article, max_depth=max_depth)
    workers = resolve_jobs(jobs)
    if drop:
        report.on_drop = report.dropped
    items: Iterator[Article] | Iterator[str | RenderFailure]
    if workers > 1:
        # A joinable output format is rendered by the workers too (but fitted here).
        render = target if formats()[target].joinable and not drop else None
        items = _read_parallel(
            paths, from_, report, limits, jobs=workers, show_progress=show_progress, render=render
        )
    else:
        items = _read_all(paths, from_, report, limits, show_progress=show_progress)
    written = _write_output(_noted(items, report), target, output, report, partial=partial)
    if report.drops:
        click.echo(
            f"{report.drops} field(s) dropped from {report.articles_with_drops} article(s): "
            f"format {target!r} cannot hold them (--drop-unrepresentable)",
            err=True,
        )
    if report.problems:
        _print_summary(report, len(paths), written=written)
        sys.exit(EXIT_BAD_INPUT)


def _noted(
    items: Iterator[Article] | Iterator[str | RenderFailure], report: _Reporter
) -> Iterator[Article] | Iterator[str | RenderFailure]:
    """Pass ``items`` on, counting each article's input (see :class:`_Origins`)."""

    def noted() -> Iterator[object]:
        for item in items:
            report.note(item)
            yield item

    return cast("Iterator[Article] | Iterator[str | RenderFailure]", noted())


def _write_output(
    items: Iterator[Article] | Iterator[str | RenderFailure],
    target: str,
    output: str | None,
    report: _Reporter,
    *,
    partial: bool,
) -> bool:
    """Render every article into a spool, then write it out if all went well.

    ``items`` are articles, or the texts of articles that the workers
    rendered already (see :func:`_read_parallel`).  Returns whether the
    output was written.  A rendering error is reported and the remaining
    inputs are still read, so that all their problems are reported too; the
    output is then never written, since it is incomplete.
    """
    with tempfile.SpooledTemporaryFile(
        max_size=_SPOOL_MEMORY, mode="w+", encoding="utf-8", newline=""
    ) as spool:
        if not _render_items(items, target, cast(TextIO, spool), report):
            return False
        if report.problems and not partial:
            return False
        spool.seek(0)
        if output is None or output == STDIN:
            shutil.copyfileobj(spool, _stdout())
        else:
            _write_atomically(Path(output), lambda out: shutil.copyfileobj(spool, out))
    return True


def _render_items(
    items: Iterator[Article] | Iterator[str | RenderFailure],
    target: str,
    out: TextIO,
    report: _Reporter,
) -> bool:
    """Write ``items`` to ``out``; report the first rendering error and return ``False`` then."""
    rendered = True
    first = next(items, None)
    if first is None:
        render_to((), target, out)
        return True
    if isinstance(first, Article):
        articles = cast(Iterator[Article], items)
        try:
            render_to(itertools.chain([first], articles), target, out, on_drop=report.on_drop)
        except NewsparseError as error:
            report(error)
            rendered = False
        for _ in items:  # read (and report) the other inputs
            pass
        return rendered
    for item in itertools.chain([first], items):
        if isinstance(item, RenderFailure):
            if rendered:
                report(item.error)
            rendered = False
        elif rendered:
            out.write(cast(str, item))
    return rendered


def _print_summary(report: _Reporter, inputs: int, *, written: bool) -> None:
    failed = len(report.by_input)
    click.echo(f"{failed} of {inputs} input(s) had problems:", err=True)
    for name, count in report.by_input.items():
        click.echo(f"  {name}: {count} problem(s)", err=True)
    outcome = "the articles read were written" if written else "nothing was written"
    click.echo(f"{report.problems} problem(s); exit status 1; {outcome}", err=True)


def _stdout() -> TextIO:
    stream = sys.stdout
    if isinstance(stream, io.TextIOWrapper):
        stream.reconfigure(encoding="utf-8")
    return stream


def _stdin() -> IO[bytes] | IO[str]:
    buffer: IO[bytes] | None = getattr(sys.stdin, "buffer", None)
    return buffer if buffer is not None else sys.stdin


def _progress_bar(paths: Sequence[str], *, show: bool) -> Any:
    if show:
        return click.progressbar(length=len(paths), label="converting", file=sys.stderr)
    return contextlib.nullcontext()


def _read_all(
    paths: Sequence[str],
    from_: str | None,
    report: _Reporter,
    limits: Limits,
    *,
    show_progress: bool,
) -> Iterator[Article]:
    bar = _progress_bar(paths, show=show_progress)
    with bar:
        for path in paths:
            report.current = "<stdin>" if path == STDIN else path
            try:
                if path == STDIN:
                    stdin = _stdin()
                    yield from iter_parse(
                        stdin, from_, source="<stdin>", on_error=report, limits=limits
                    )
                else:
                    yield from iter_parse(Path(path), from_, on_error=report, limits=limits)
            except NewsparseError as error:
                report(error)
            except OSError as error:
                report(_os_error(path, error))
            if show_progress:
                bar.update(1)


def _read_parallel(
    paths: Sequence[str],
    from_: str | None,
    report: _Reporter,
    limits: Limits,
    *,
    jobs: int,
    show_progress: bool,
    render: str | None,
) -> Iterator[Article] | Iterator[str | RenderFailure]:
    """Read as :func:`_read_all` does, in ``jobs`` processes (:mod:`newsparse.parallel`).

    With ``render`` (a joinable format), the workers render the articles, and
    their texts come instead of articles, with a :class:`RenderFailure` in place
    of an article that the format refused.
    """
    bar = _progress_bar(paths, show=show_progress)
    with bar:
        for index, item in iter_parse_inputs(
            paths, from_, jobs=jobs, limits=limits, render=render, read_stdin=_stdin
        ):
            path = paths[index]
            report.current = "<stdin>" if path == STDIN else path
            if item is None:
                if show_progress:
                    bar.update(1)
            elif isinstance(item, (Article, str, RenderFailure)):
                yield item
            elif isinstance(item, OSError):
                report(_os_error(path, item))
            else:
                report(item)


class _InputError(NewsparseError):
    """An input file could not be read at all."""


def _os_error(path: str, error: OSError) -> _InputError:
    return _InputError(f"{path}: {error.strerror or error}")


def _write_atomically(path: Path, write: Callable[[TextIO], None]) -> None:
    directory = path.parent if str(path.parent) else Path()
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below
        "w", encoding="utf-8", newline="", dir=directory, prefix=f".{path.name}.", delete=False
    )
    try:
        with handle:
            write(cast(TextIO, handle))
        os.chmod(handle.name, _new_file_mode(path))
        os.replace(handle.name, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(handle.name)


def _new_file_mode(path: Path) -> int:
    """Keep the mode of a file being replaced; otherwise what the umask allows."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@cli.command("formats")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def formats_command(as_json: bool) -> None:
    """List every format, what it can do, and the plugin that provides it."""
    _warn_failed_plugins()
    host = get_host()
    rows: list[dict[str, Any]] = [
        {
            "name": name,
            "label": fmt.label,
            "parse": fmt.can_parse,
            "render": fmt.can_render,
            "lossy": fmt.lossy,
            "extensions": list(fmt.extensions),
            "media_types": list(fmt.media_types),
            "plugin": host.plugin_of(name),
        }
        for name, fmt in sorted(formats().items())
    ]
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    table = [
        [
            row["name"],
            "/".join(what for what in ("parse", "render") if row[what]),
            row["label"] + (" (lossy)" if row["lossy"] else ""),
            " ".join(row["extensions"]),
            row["plugin"],
        ]
        for row in rows
    ]
    _print_table(["FORMAT", "CAN", "LABEL", "EXTENSIONS", "PLUGIN"], table)


@cli.command("plugins")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def plugins_command(as_json: bool) -> None:
    """List every plugin: version, hooks, formats, and load failures."""
    host = get_host()
    infos: list[PluginInfo] = list(host.plugins)
    if as_json:
        click.echo(json.dumps([info.to_dict() for info in infos], indent=2))
        return
    rows = [
        [
            info.name,
            info.version or "?",
            "ok" if info.ok else "FAILED",
            " ".join(info.formats) or "-",
            " ".join(info.hooks) or "-",
        ]
        for info in infos
    ]
    _print_table(["PLUGIN", "VERSION", "STATUS", "FORMATS", "HOOKS"], rows)
    for info in infos:
        if not info.ok:
            click.echo(f"\n{info.name}: {info.error}")
    if not host.autoload:
        click.echo("\n(plugin autoloading is off: NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD is set)")


def _print_table(header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=True)]
    for row in [header, *rows]:
        cells = [str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)]
        click.echo("  ".join(cells).rstrip())


def main(argv: Sequence[str] | None = None) -> NoReturn:
    """Run the command line (the ``newsparse`` script and ``python -m newsparse``)."""
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="newsparse")
    except NewsparseError as error:  # pragma: no cover - every command reports its own
        click.echo(f"error: {error}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    sys.exit(EXIT_OK)  # pragma: no cover - click exits itself
