"""The ``newsparse`` command line.

Exit codes:

``0``
    Success.  Fields left out with ``--drop-unrepresentable`` are reported
    on stderr but are no failure.
``1``
    Bad input: a file could not be parsed, its format not detected, an article
    not rendered in the chosen format, or a plugin failed while working; or
    the output could not be written (a full disk, a closed pipe).
    Every problem is printed as ``source:line:column: message``.
``2``
    Usage error: unknown option or format name, an input file that does not
    exist or is a folder, an output name whose format is unknown, or an
    output folder that does not exist.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import io
import itertools
import json
import os
import shutil
import stat
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
from newsparse.destination import Destination, DestinationError, find_destination
from newsparse.dropping import DropHandler, DroppedField
from newsparse.errors import NewsparseError, ParseError, RenderError
from newsparse.limits import DEFAULT_LIMITS, Limits, parse_size
from newsparse.model import Article
from newsparse.parallel import RenderedText, RenderFailure, iter_parse_inputs, resolve_jobs
from newsparse.plugins import PluginInfo, get_host
from newsparse.progress import ConvertProgress, counting_reader

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
        self._last_input = -1

    def add(self, source: str, articles: int = 1, *, input_number: int = 0) -> int:
        """Count ``articles`` more articles of ``source``; return the position of the first.

        ``input_number`` is the input's place on the command line, so that a
        file named twice counts its articles afresh the second time.
        """
        if not self._names or self._names[-1] != source or self._last_input != input_number:
            self._starts.append(self.count)
            self._names.append(source)
            self._last_input = input_number
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
        self.current_number = 0
        """The place of :attr:`current` among the inputs, counted from 0."""
        """The input being read, to which problems are counted."""
        self.by_input: dict[str, int] = {}
        self.origins = _Origins()
        self.on_drop: DropHandler | None = None
        """``None``, or :meth:`dropped` with ``--drop-unrepresentable``."""
        self.drops = 0
        self.articles_with_drops = 0
        self._last_dropped_from: tuple[str | None, int | None] | None = None
        self.progress: ConvertProgress | None = None
        """The progress bar on stderr, cleared while a message is printed."""

    def _echo(self, text: str) -> None:
        """Print ``text`` on stderr, above the progress bar if one is shown."""
        with self.progress.writing_around() if self.progress else contextlib.nullcontext():
            click.echo(text, err=True)

    def note(self, item: object) -> None:
        """Count an article (or a worker's rendered text or refusal) going to the renderer."""
        current, number = self.current or STDIN, self.current_number
        if isinstance(item, RenderedText):
            self.origins.add(current, item.articles, input_number=number)
        elif isinstance(item, RenderFailure):
            first = self.origins.add(current, input_number=number)
            if isinstance(item.error, RenderError):
                item.error.index = first  # rendered alone, as article 0
        else:
            self.origins.add(current, input_number=number)

    def dropped(self, note: DroppedField) -> None:
        """Print a field that was dropped, naming its input and article; count it."""
        placed = None if note.index is None else self.origins.place(note.index)
        if placed is not None:
            note = attrs.evolve(note, source=placed[0], index=placed[1])
        self.drops += 1
        if (note.source, note.index) != self._last_dropped_from:
            self.articles_with_drops += 1
            self._last_dropped_from = (note.source, note.index)
        self._echo(str(note))

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
            self._echo("".join(traceback.format_exception(error)).rstrip("\n"))
        else:
            self._echo(f"error: {error}" if not isinstance(error, ParseError) else str(error))


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


def _output_format(to: str | None, output: str | None, *, streamed: bool = False) -> str:
    """Name the output format: ``--to``, else the longest extension that the name ends with.

    Standard output, and a name with no extension that is not a file but a
    stream (``/dev/stdout``, a device, a pipe: ``streamed``), get json.
    """
    if to is not None:
        return to
    if output is None or output == STDIN:
        return "json"
    name = Path(output).name.lower()
    claims = [
        (extension.lower(), format_name)
        for format_name, fmt in formats().items()
        for extension in fmt.extensions
        if len(name) > len(extension) and name.endswith(extension.lower())
    ]
    longest = max((len(extension) for extension, _ in claims), default=0)
    winners = sorted({format_name for ext, format_name in claims if len(ext) == longest})
    if len(winners) == 1 and formats()[winners[0]].can_render:
        return winners[0]
    if len(winners) == 1:
        why = f"the extension of {output!r} is that of {winners[0]!r}, which cannot render"
    elif winners:
        both = " and ".join(repr(format_name) for format_name in winners)
        why = f"formats {both} both claim the extension of {output!r}"
    elif streamed:
        return "json"  # like standard output: a stream's name says nothing of a format
    else:
        why = f"the name {output!r} ends in no format's extension"
    choices = "; ".join(
        f"{' '.join(fmt.extensions)} ({format_name})"
        for format_name, fmt in sorted(formats().items())
        if fmt.can_render and fmt.extensions
    )
    raise click.BadParameter(
        f"{why}: name the format with --to, or use one of these extensions: {choices}",
        param_hint="--output",
    )


def _no_folders(
    _ctx: click.Context, _param: click.Parameter, inputs: Sequence[str]
) -> Sequence[str]:
    """Refuse a folder as an input, and say how to pass the files in it."""
    for name in inputs:
        if name != STDIN and os.path.isdir(name):
            pattern = os.path.join(name, "*")
            raise click.BadParameter(
                f"{name!r} is a folder; name the files to convert instead, "
                f"for example {pattern} (the shell expands the pattern)",
                param_hint="INPUTS",
            )
    return inputs


@cli.command()
@click.argument(
    "inputs",
    nargs=-1,
    type=click.Path(exists=True, allow_dash=True),
    callback=_no_folders,
)
@click.option(
    "-f", "--from", "from_", metavar="FORMAT", help="Input format (default: detect per file)."
)
@click.option(
    "-t",
    "--to",
    metavar="FORMAT",
    help="Output format (default: from the output file's extension; json on stdout).",
)
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Write here instead of stdout; not at all on error.  A file is replaced "
    "atomically (through symbolic links, which stay links); a device or pipe is "
    "written directly.",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show the bytes and articles read on stderr (default: when stderr is a "
    "terminal, unless the input is typed there).",
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

    Without --to, the output format comes from the longest extension of the
    output file's name that a format lists (see 'newsparse formats'); a name
    with no such extension is a usage error.  Standard output, and a device
    or pipe named without such an extension (/dev/stdout), get json.

    INPUTS are files, not folders: for a folder, pass its files with a shell
    pattern such as pages/* (the shell expands it).  Input typed on a
    terminal ends with Ctrl-D.

    With --drop-unrepresentable, each field left out is listed as
    'INPUT: article N ("TITLE"): dropped FIELD (VALUE): WHY', and counted in
    a last line; dropped fields alone keep the exit status 0.
    """
    _warn_failed_plugins()
    _check_format(from_, option="--from", need="parse")
    try:
        destination = find_destination(output)
    except DestinationError as error:
        raise click.BadParameter(str(error), param_hint="--output") from None
    target = _output_format(to, output, streamed=destination.how != "replace")
    _check_format(target, option="--to", need="render")
    paths = list(inputs) or [STDIN]
    typed = STDIN in paths and _is_terminal(sys.stdin)
    if typed:
        click.echo(
            "reading from the terminal: type or paste the input and end it with Ctrl-D "
            "(Ctrl-Z then Enter on Windows), or pass file names or pipe the input in",
            err=True,
        )
    # By default, a bar on a terminal, but not over what is being typed there.
    show = progress if progress is not None else _is_terminal(sys.stderr) and not typed
    report.progress = ConvertProgress([_input_size(p) for p in paths], show=show, stream=sys.stderr)
    limits = Limits(max_input_bytes=max_input, max_article_bytes=max_article, max_depth=max_depth)
    workers = resolve_jobs(jobs)
    if drop:
        report.on_drop = report.dropped
    items: Iterator[Article] | Iterator[str | RenderFailure]
    if workers > 1:
        # A joinable output format is rendered by the workers too (but fitted here).
        render = target if formats()[target].joinable and not drop else None
        items = _read_parallel(
            paths, from_, report, limits, jobs=workers, progress=report.progress, render=render
        )
    else:
        items = _read_all(paths, from_, report, limits, progress=report.progress)
    written = _write_output(_noted(items, report), target, destination, report, partial=partial)
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
    destination: Destination,
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
        try:
            destination.write(lambda out: shutil.copyfileobj(spool, out))
        except OSError as error:
            where = f"<{destination.how}>" if destination.path is None else str(destination.path)
            click.echo(f"error: cannot write {where}: {error.strerror or error}", err=True)
            sys.exit(EXIT_BAD_INPUT)
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


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (OSError, ValueError):  # closed or detached
        return False


def _input_size(path: str) -> int | None:
    """Return the size of the input file ``path``; ``None`` for stdin, a pipe or a device."""
    if path == STDIN:
        return None
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_size if stat.S_ISREG(status.st_mode) else None


def _stdin(counted: Callable[[int], None]) -> IO[bytes] | IO[str]:
    """Return standard input as bytes where it can, its reads passed to ``counted``.

    It ends at the first end of input, so one Ctrl-D ends what is typed on a terminal.
    """
    buffer: IO[bytes] | None = getattr(sys.stdin, "buffer", None)
    if buffer is None:
        return sys.stdin
    if isinstance(buffer, (io.RawIOBase, io.BufferedIOBase)):
        return counting_reader(buffer, counted)
    return buffer


@contextlib.contextmanager
def _counted_input(path: str, counted: Callable[[int], None]) -> Iterator[IO[bytes] | IO[str]]:
    """Open the input ``path`` (or stdin), its reads passed to ``counted``."""
    if path == STDIN:
        yield _stdin(counted)
        return
    with open(path, "rb", buffering=0) as raw, counting_reader(raw, counted) as stream:
        yield stream


def _read_all(
    paths: Sequence[str],
    from_: str | None,
    report: _Reporter,
    limits: Limits,
    *,
    progress: ConvertProgress,
) -> Iterator[Article]:
    try:
        for index, path in enumerate(paths):
            report.current = "<stdin>" if path == STDIN else path
            report.current_number = index
            name = "<stdin>" if path == STDIN else str(Path(path))
            try:
                with _counted_input(path, functools.partial(progress.read, index)) as data:
                    for article in iter_parse(
                        data, from_, source=name, on_error=report, limits=limits
                    ):
                        progress.add_articles(1)
                        yield article
            except NewsparseError as error:
                report(error)
            except OSError as error:
                report(_os_error(path, error))
            progress.finish_input(index)
    finally:
        progress.close()


def _read_parallel(
    paths: Sequence[str],
    from_: str | None,
    report: _Reporter,
    limits: Limits,
    *,
    jobs: int,
    progress: ConvertProgress,
    render: str | None,
) -> Iterator[Article] | Iterator[str | RenderFailure]:
    """Read as :func:`_read_all` does, in ``jobs`` processes (:mod:`newsparse.parallel`).

    With ``render`` (a joinable format), the workers render the articles, and
    their texts come instead of articles, with a :class:`RenderFailure` in place
    of an article that the format refused.
    """
    stdin = paths.index(STDIN) if STDIN in paths else -1

    def task_done(index: int, articles: int, size: int) -> None:
        progress.add_articles(articles)
        progress.read(index, size)

    try:
        for index, item in iter_parse_inputs(
            paths,
            from_,
            jobs=jobs,
            limits=limits,
            render=render,
            read_stdin=lambda: _stdin(lambda count: progress.read(stdin, count)),
            on_progress=task_done,
        ):
            path = paths[index]
            report.current = "<stdin>" if path == STDIN else path
            report.current_number = index
            if item is None:
                progress.finish_input(index)
            elif isinstance(item, (Article, str, RenderFailure)):
                yield item
            elif isinstance(item, OSError):
                report(_os_error(path, item))
            else:
                report(item)
    finally:
        progress.close()


class _InputError(NewsparseError):
    """An input file could not be read at all."""


def _os_error(path: str, error: OSError) -> _InputError:
    return _InputError(f"{path}: {error.strerror or error}")


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
