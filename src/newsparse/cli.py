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

import contextlib
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn, TypeAlias, cast

import click

from newsparse import __version__
from newsparse._api import formats
from newsparse._convert_inputs import input_size, is_terminal, read_all, read_parallel
from newsparse._convert_output import (
    EXIT_BAD_INPUT,
    check_parquet,
    noted,
    write_output,
    write_parquet,
)
from newsparse._convert_report import STDIN, Reporter, print_summary
from newsparse._destination import DestinationError, find_destination
from newsparse._errors import NewsparseError
from newsparse._explain import explain_command
from newsparse._limits import DEFAULT_LIMITS, Limits, parse_size
from newsparse._model import Article
from newsparse._parallel import RenderFailure, resolve_jobs
from newsparse._parts import RenderedPart, part_folder
from newsparse._plugins import PluginInfo, get_host
from newsparse._progress import ConvertProgress

__all__ = ["main"]

EXIT_OK = 0
"""Everything worked."""
EXIT_USAGE = 2
"""The command line itself was wrong."""


PARQUET = "parquet"
"""The one binary output: not a format (formats write text), but a table (see
:mod:`newsparse.integrations.parquet`)."""
PARQUET_EXTENSION = ".parquet"


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
    ctx.obj = Reporter(debug=debug)


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
    if len(name) > len(PARQUET_EXTENSION) and name.endswith(PARQUET_EXTENSION):
        return PARQUET
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
        [
            f"{' '.join(fmt.extensions)} ({format_name})"
            for format_name, fmt in sorted(formats().items())
            if fmt.can_render and fmt.extensions
        ]
        + [f"{PARQUET_EXTENSION} ({PARQUET})"]
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
    help="Output format (default: from the output file's extension; json on stdout); "
    "parquet writes a Parquet table, one row per article (needs newsparse[parquet]).",
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
    report: Reporter,
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
    if target == PARQUET:
        check_parquet(destination)
    else:
        _check_format(target, option="--to", need="render")
    paths = list(inputs) or [STDIN]
    typed = STDIN in paths and is_terminal(sys.stdin)
    if typed:
        click.echo(
            "reading from the terminal: type or paste the input and end it with Ctrl-D "
            "(Ctrl-Z then Enter on Windows), or pass file names or pipe the input in",
            err=True,
        )
    # By default, a bar on a terminal, but not over what is being typed there.
    show = progress if progress is not None else is_terminal(sys.stderr) and not typed
    report.progress = ConvertProgress([input_size(p) for p in paths], show=show, stream=sys.stderr)
    limits = Limits(max_input_bytes=max_input, max_article_bytes=max_article, max_depth=max_depth)
    workers = resolve_jobs(jobs)
    if drop:
        report.on_drop = report.dropped
    items: _Items
    with contextlib.ExitStack() as cleanup:
        if workers > 1:
            # A joinable output format is rendered by the workers too (but fitted here),
            # into part files beside the output, which this process appends to it.
            joinable = target != PARQUET and formats()[target].joinable
            render = target if joinable and not drop else None
            parts = None
            if render is not None:
                beside = destination.path if destination.how == "replace" else None
                parts = cleanup.enter_context(part_folder(beside))
            parallel = read_parallel(
                paths,
                from_,
                report,
                limits,
                jobs=workers,
                progress=report.progress,
                render=render,
                parts=parts,
            )
            cleanup.callback(parallel.close)  # the workers stop before the part folder goes
            items = cast(_Items, parallel)
        else:
            items = read_all(paths, from_, report, limits, progress=report.progress)
        if target == PARQUET:
            written = write_parquet(
                cast(Iterator[Article], noted(items, report)), destination, report, partial=partial
            )
        else:
            written = write_output(
                noted(items, report), target, destination, report, partial=partial
            )
    if report.drops:
        click.echo(
            f"{report.drops} field(s) dropped from {report.articles_with_drops} article(s): "
            f"format {target!r} cannot hold them (--drop-unrepresentable)",
            err=True,
        )
    if report.problems:
        print_summary(report, len(paths), written=written)
        sys.exit(EXIT_BAD_INPUT)


_Items: TypeAlias = "Iterator[Article] | Iterator[str | RenderedPart | RenderFailure]"
"""What ``convert`` renders: articles, or what the workers rendered of them."""


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


cli.add_command(explain_command)


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
