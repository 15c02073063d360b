"""Hostile input: XML and HTML attacks, and input built to exhaust a parser.

Every attack must end in articles that do not hold its payload, or in a
:class:`~newsparse.ParseError`: never another exception (a ``PluginError``
here means a format crashed), never a hang, never a file read nor a
network connection.

How the tests see a file being read or a connection being made:

* a canary file holds a unique string that must appear nowhere in the result;
* the same reference pointed at a FIFO: opening a FIFO for reading blocks
  until a writer comes, and a writer's non-blocking open succeeds only while
  a reader is there, so polling for a reader catches any open, even one made
  by libxml2's C code where Python's audit hooks see nothing;
* a TCP server on 127.0.0.1 (an ephemeral port) counts the connections it
  accepts, and must accept none;
* where ``strace`` works, a child process parses every attack under it and
  the trace must show no ``open`` of the canary files and no ``connect``.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import socket
import stat
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest

import newsparse
from newsparse import Article, ParseError
from newsparse._jsonio import to_dict

T = TypeVar("T")

# Generous: the machine may be busy; a hang runs into minutes.
TIMEOUT = 60.0


def _in_thread(call: Callable[[], T], timeout: float = TIMEOUT) -> T:
    """Return ``call()`` run in a daemon thread; fail if it takes longer than ``timeout``."""
    outcome: list[T] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            outcome.append(call())
        except BaseException as error:  # handed to the test below
            failure.append(error)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        pytest.fail(f"parsing did not finish within {timeout:.0f} s")
    if failure:
        raise failure[0]
    return outcome[0]


def _parse(data: str | bytes, format_name: str | None) -> tuple[list[Article], list[ParseError]]:
    """Parse collecting errors; anything but a ParseError fails the test."""
    errors: list[ParseError] = []
    articles = newsparse.parse(data, format_name, on_error=errors.append)
    for error in errors:
        assert error.line >= 1
        assert error.column >= 1
    return articles, errors


def _everything(articles: list[Article], errors: list[ParseError]) -> str:
    """All the text a caller gets: every field of every article, every error."""
    dumped = json.dumps([to_dict(article) for article in articles], ensure_ascii=False)
    return dumped + "\n".join(str(error) for error in errors)


def _outcome(data: str | bytes, format_name: str | None = "html") -> str:
    articles, errors = _in_thread(lambda: _parse(data, format_name))
    return _everything(articles, errors)


# -- local files ----------------------------------------------------------------


class Canary:
    """Files an attack points at: the text to look for, and the ways to name them."""

    def __init__(self, folder: Path) -> None:
        self.secret = f"canary-{uuid.uuid4().hex}"
        self.text = folder / "canary.txt"
        self.text.write_text(self.secret + "\n", encoding="utf-8")
        # A DTD whose entity carries the secret, for DOCTYPE SYSTEM references.
        self.dtd = folder / "canary.dtd"
        self.dtd.write_text(f'<!ENTITY canary "{self.secret}">\n', encoding="utf-8")
        self.fifo = folder / "canary.fifo"
        os.mkfifo(self.fifo)


@pytest.fixture
def canary(tmp_path: Path) -> Canary:
    return Canary(tmp_path)


def _reference(path: Path, style: str) -> str:
    return path.as_uri() if style == "uri" else str(path)


# Each attack names a file twice, as {text} (a text file) and {dtd} (a DTD).
FILE_ATTACKS = {
    "system-entity": (
        '<!DOCTYPE html [<!ENTITY xxe SYSTEM "{text}">]>\n'
        "<html><head><title>T &xxe;</title></head>"
        "<body><article><h1>H &xxe;</h1><p>Body &xxe; here.</p></article></body></html>"
    ),
    "system-entity-xhtml": (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<!DOCTYPE html [<!ENTITY xxe SYSTEM "{text}">]>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>T &xxe;</title></head>'
        "<body><p>Body &xxe; here.</p></body></html>"
    ),
    "parameter-entity": (
        '<!DOCTYPE html [<!ENTITY % xxe SYSTEM "{dtd}"> %xxe;]>\n'
        "<html><head><title>T &canary;</title></head><body><p>Body &canary;.</p></body></html>"
    ),
    "entity-in-attribute": (
        '<!DOCTYPE html [<!ENTITY xxe SYSTEM "{text}">]>\n'
        '<html><head><title>T</title><meta name="description" content="&xxe;">'
        '<meta property="og:title" content="&xxe;"></head>'
        '<body><p>Body.</p><img src="&xxe;" alt="&xxe;"></body></html>'
    ),
    "doctype-system": (
        '<!DOCTYPE html SYSTEM "{dtd}">\n'
        "<html><head><title>T &canary;</title></head><body><p>Body &canary;.</p></body></html>"
    ),
    "doctype-public": (
        '<!DOCTYPE html PUBLIC "-//Canary//DTD Canary//EN" "{dtd}">\n'
        "<html><head><title>T &canary;</title></head><body><p>Body &canary;.</p></body></html>"
    ),
    "xinclude-text": (
        '<html xmlns:xi="http://www.w3.org/2001/XInclude"><head><title>T</title></head>'
        '<body><article><h1>H</h1><p>Body <xi:include href="{text}" parse="text"/> here.</p>'
        "</article></body></html>"
    ),
    "xinclude-xml": (
        '<html xmlns:xi="http://www.w3.org/2001/XInclude"><head><title>T</title></head>'
        '<body><p>Body.</p><xi:include href="{dtd}"/></body></html>'
    ),
    "xml-stylesheet": (
        '<?xml version="1.0"?>\n<?xml-stylesheet type="text/xsl" href="{text}"?>\n'
        "<html><head><title>T</title></head><body><p>Body.</p></body></html>"
    ),
}


def _file_attack(name: str, text: str, dtd: str) -> str:
    return FILE_ATTACKS[name].replace("{text}", text).replace("{dtd}", dtd)


@pytest.mark.parametrize("style", ["uri", "path"])
@pytest.mark.parametrize("name", sorted(FILE_ATTACKS))
def test_local_file_is_not_read(canary: Canary, name: str, style: str) -> None:
    page = _file_attack(name, _reference(canary.text, style), _reference(canary.dtd, style))
    for data in (page, page.encode("utf-8")):
        assert canary.secret not in _outcome(data)
        assert canary.secret not in _outcome(data, None)  # detected as html


def _reader_waiting(fifo: Path) -> bool:
    """Whether some process has ``fifo`` open for reading (or is blocked opening it)."""
    try:
        descriptor = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
    except OSError as error:
        if error.errno == errno.ENXIO:  # no reader
            return False
        raise
    os.close(descriptor)  # the reader, if blocked, now sees the end of the file
    return True


def _parse_watching_fifo(page: str, fifo: Path) -> bool:
    """Parse ``page`` in a thread while polling ``fifo``; return whether it was opened."""
    opened = False
    done = threading.Event()

    def run() -> None:
        try:
            _parse(page, "html")
        finally:
            done.set()

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    deadline = time.monotonic() + TIMEOUT
    while not done.is_set() and time.monotonic() < deadline:
        opened = _reader_waiting(fifo) or opened
        done.wait(0.005)
    worker.join(5)
    assert done.is_set(), "parsing hung"
    return opened or _reader_waiting(fifo)


@pytest.mark.parametrize("style", ["uri", "path"])
@pytest.mark.parametrize("name", sorted(FILE_ATTACKS))
def test_local_file_is_not_opened(canary: Canary, name: str, style: str) -> None:
    fifo = _reference(canary.fifo, style)
    assert not _parse_watching_fifo(_file_attack(name, fifo, fifo), canary.fifo)


def test_fifo_watch_sees_an_open(canary: Canary) -> None:
    """The FIFO check itself: a parse that does open the file is caught."""
    assert stat.S_ISFIFO(canary.fifo.stat().st_mode)
    from lxml import etree  # noqa: PLC0415 - only this check resolves entities

    page = _file_attack("system-entity-xhtml", canary.fifo.as_uri(), "")
    unsafe = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=True)
    finished = threading.Event()

    def read_unsafely() -> None:
        try:
            etree.fromstring(page.encode(), parser=unsafe)
        except etree.XMLSyntaxError:
            pass
        finally:
            finished.set()

    worker = threading.Thread(target=read_unsafely, daemon=True)
    worker.start()
    deadline = time.monotonic() + TIMEOUT
    seen = False
    while not finished.is_set() and time.monotonic() < deadline and not seen:
        seen = _reader_waiting(canary.fifo)
        finished.wait(0.005)
    while not finished.wait(0.05) and time.monotonic() < deadline:
        _reader_waiting(canary.fifo)  # let the reader go on to the end
    assert seen


# -- the network ----------------------------------------------------------------


class Server:
    """A TCP server on 127.0.0.1 that counts the connections it accepts."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.05)
        self.port = self.listener.getsockname()[1]
        self.secret = f"served-{uuid.uuid4().hex}"
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        body = f'<!ENTITY canary "{self.secret}">{self.secret}'.encode()
        while not self._stop.is_set():
            try:
                connection, _ = self.listener.accept()
            except TimeoutError:
                continue
            self.connections += 1
            with connection:
                connection.sendall(
                    b"HTTP/1.0 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body)
                )

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.port}/{name}"

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self.listener.close()


@pytest.fixture
def server() -> Iterator[Server]:
    running = Server()
    yield running
    running.close()


# Each names the server as {url}.
NETWORK_ATTACKS = {
    "doctype-system": '<!DOCTYPE html SYSTEM "{url}/x.dtd"><html><head><title>T &canary;</title>',
    "doctype-public": (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "{url}/xhtml1-strict.dtd">'
        "<html><head><title>T &canary;</title>"
    ),
    "system-entity": (
        '<!DOCTYPE html [<!ENTITY xxe SYSTEM "{url}/entity">]>'
        "<html><head><title>T &xxe;</title><body><p>&xxe;</p>"
    ),
    "parameter-entity": (
        '<!DOCTYPE html [<!ENTITY % xxe SYSTEM "{url}/param.dtd"> %xxe;]>'
        "<html><head><title>T &canary;</title>"
    ),
    "xinclude": (
        '<html xmlns:xi="http://www.w3.org/2001/XInclude"><head><title>T</title>'
        '<body><p>Body <xi:include href="{url}/inc" parse="text"/></p>'
    ),
    "xml-stylesheet": (
        '<?xml version="1.0"?><?xml-stylesheet type="text/xsl" href="{url}/style.xsl"?>'
        "<html><head><title>T</title>"
    ),
    "resources": (
        '<html><head><title>T</title><link rel="stylesheet" href="{url}/style.css">'
        '<script src="{url}/script.js"></script><base href="{url}/base/">'
        '<meta http-equiv="refresh" content="0; url={url}/refresh">'
        '<link rel="canonical" href="{url}/canonical"><meta property="og:image" content="{url}/og">'
        '<style>@import url("{url}/import.css");</style></head>'
        '<body><article><h1>H</h1><p>Body text.</p><img src="{url}/img.jpg" '
        'srcset="{url}/img2.jpg 2x"><iframe src="{url}/frame"></iframe>'
        '<object data="{url}/object"></object><svg><image href="{url}/svg.png"/></svg>'
        '<video poster="{url}/poster" src="{url}/video"></video></article></body></html>'
    ),
    "json-ld-context": (
        '<html><head><title>T</title><script type="application/ld+json">'
        '{"@context": "{url}/context.jsonld", "@type": "NewsArticle", "headline": "H", '
        '"image": {"@id": "{url}/image"}, "author": {"@id": "{url}/author"}}'
        "</script></head><body><p>Body text.</p></body></html>"
    ),
}


@pytest.mark.parametrize("name", sorted(NETWORK_ATTACKS))
def test_network_is_not_touched(server: Server, name: str) -> None:
    page = NETWORK_ATTACKS[name].replace("{url}", server.url("p"))
    for data in (page, page.encode("utf-8")):
        assert server.secret not in _outcome(data)
        assert server.secret not in _outcome(data, None)
    time.sleep(0.2)  # a connection still under way would be accepted by now
    assert server.connections == 0


def test_server_counts_a_connection(server: Server) -> None:
    """The network check itself: a client that does connect is counted."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as client:
        assert server.secret.encode() in client.recv(4096) + client.recv(4096)
    assert server.connections == 1


# -- strace: no open, no connect, seen from the kernel's side -------------------

_STRACE_CHILD = """
import sys
from pathlib import Path
import newsparse
for path in sys.argv[1:]:
    for fmt in ("html", None):
        try:
            newsparse.parse(Path(path).read_bytes(), fmt, on_error=lambda error: None)
        except newsparse.ParseError:
            pass
print("parsed", len(sys.argv) - 1)
"""


def test_no_open_and_no_connect_under_strace(
    canary: Canary, server: Server, tmp_path: Path
) -> None:
    strace = shutil.which("strace")
    if strace is None:
        pytest.skip("strace is not installed")
    pages = []
    for name in FILE_ATTACKS:
        for style in ("uri", "path"):
            page = _file_attack(name, _reference(canary.text, style), _reference(canary.dtd, style))
            pages.append(page)
    pages += [page.replace("{url}", server.url("p")) for page in NETWORK_ATTACKS.values()]
    files = []
    for number, page in enumerate(pages):
        path = tmp_path / f"attack-{number}.html"
        path.write_text(page, encoding="utf-8")
        files.append(str(path))
    trace = tmp_path / "trace.txt"
    command = [strace, "-f", "-qq", "-e", "trace=open,openat,openat2,connect", "-o", str(trace)]
    result = subprocess.run(
        [*command, sys.executable, "-c", _STRACE_CHILD, *files],
        capture_output=True,
        text=True,
        timeout=TIMEOUT * 2,
        check=False,
    )
    if result.returncode != 0 and "ptrace" in result.stderr:
        pytest.skip(f"strace cannot trace here: {result.stderr.strip()[:200]}")
    assert result.returncode == 0, result.stderr
    assert f"parsed {len(files)}" in result.stdout
    calls = trace.read_text(encoding="utf-8", errors="replace")
    assert str(files[-1]) in calls  # the trace does show the files that are read
    assert str(canary.text) not in calls
    assert str(canary.dtd) not in calls
    assert "connect(" not in calls
    assert server.connections == 0


# -- entity expansion -----------------------------------------------------------


def _billion_laughs(xml_declaration: bool) -> str:
    entities = ['<!ENTITY lol0 "lollollollollollollollollollol">']
    entities += [f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">' for level in range(1, 10)]
    head = '<?xml version="1.0"?>\n' if xml_declaration else ""
    return (
        f"{head}<!DOCTYPE html [{''.join(entities)}]>\n"
        "<html><head><title>Laughs &lol9;</title>"
        '<meta name="description" content="&lol9;"></head>'
        "<body><article><h1>Laughs</h1><p>&lol9;</p><p>&lol8;&lol8;</p></article></body></html>"
    )


def _quadratic_blowup() -> str:
    entity = "a" * 100_000
    return (
        f'<!DOCTYPE html [<!ENTITY a "{entity}">]>\n'
        "<html><head><title>Blowup</title></head>"
        f"<body><article><h1>Blowup</h1><p>{'&a;' * 20_000}</p></article></body></html>"
    )


@pytest.mark.parametrize(
    "page",
    [
        pytest.param(_billion_laughs(False), id="billion-laughs"),
        pytest.param(_billion_laughs(True), id="billion-laughs-xml"),
        pytest.param(_quadratic_blowup(), id="quadratic-blowup"),
    ],
)
def test_entities_are_not_expanded(page: str) -> None:
    for data in (page, page.encode("utf-8")):
        found = _outcome(data)
        # Expanded, the text would be gigabytes; unexpanded, it is the page or less.
        assert len(found) < 2 * len(page)
        assert "lollollol" not in found
        assert "a" * 200_000 not in found


# -- nesting --------------------------------------------------------------------


_STORY = "".join(
    f"<p>Paragraph {number} of the story, long enough to count as article text.</p>"
    for number in range(5)
)


@pytest.mark.parametrize("depth", [240, 300, 50_000])
@pytest.mark.parametrize("tag", ["div", "span", "blockquote", "table", "ul"])
def test_deeply_nested_html(tag: str, depth: int) -> None:
    page = (
        "<html><head><title>Deep</title></head><body><article><h1>Deep</h1>"
        + f"<{tag}>" * depth
        + _STORY
        + f"</{tag}>" * depth
        + "</article></body></html>"
    )
    for data in (page, page.encode("utf-8")):
        articles, errors = _in_thread(lambda: _parse(data, "html"))  # noqa: B023
        if depth < 256:  # libxml2's limit, with room for html, body and article
            assert not errors
            # Every paragraph of the story is there (in a quote, for blockquote).
            text = articles[0].text
            assert all(f"Paragraph {number} of the story" in text for number in range(5))
        else:  # an error, never an article cut at the limit
            assert not articles
            assert len(errors) == 1


def _deep_json(depth: int) -> dict[str, str]:
    return {
        "array": "[" * depth + "]" * depth,
        "object": '{"a":' * depth + "1" + "}" * depth,
        "in-meta": '{"title": "Deep", "meta": ' + '{"a":' * depth + '"x"' + "}" * depth + "}",
        "in-body": '{"title": "Deep", "body": ' + "[" * depth + "]" * depth + "}",
        "unclosed": '{"title": "Deep", "body": ' + "[" * depth,
    }


@pytest.mark.parametrize("depth", [300, 100_000])
@pytest.mark.parametrize("kind", sorted(_deep_json(1)))
def test_deeply_nested_json(kind: str, depth: int) -> None:
    document = _deep_json(depth)[kind]
    good = '{"title": "Good"}'
    articles, errors = _in_thread(lambda: _parse("[" + document + "," + good + "]", "json"))
    assert errors
    assert all(article.title == "Good" for article in articles)
    # In JSON Lines the bad line does not lose the good one after it.
    articles, errors = _in_thread(lambda: _parse(document + "\n" + good + "\n", "jsonl"))
    assert [article.title for article in articles] == ["Good"]
    assert [error.line for error in errors] == [1]


# -- enormous values ------------------------------------------------------------

_MB = 1 << 20


ENORMOUS_PAGES: dict[str, Callable[[], str]] = {
    "attribute-11MB": lambda: (
        '<html><head><title>T</title></head><body><p title="'
        + "a" * (11 * _MB)
        + '">Body text.</p></body></html>'
    ),
    "meta-content-10MB": lambda: (
        '<html><head><title>T</title><meta name="description" content="'
        + "word " * (2 * _MB)
        + '"></head><body><p>Body text.</p></body></html>'
    ),
    "text-15MB": lambda: (
        "<html><head><title>T</title></head><body><article><h1>T</h1><p>"
        + "word " * (3 * _MB)
        + "</p></article></body></html>"
    ),
    "many-paragraphs": lambda: (
        "<html><head><title>T</title></head><body><article><h1>T</h1>"
        + "".join(f"<p>Paragraph {number} of the story.</p>" for number in range(50_000))
        + "</article></body></html>"
    ),
    "title-11MB": lambda: (
        "<html><head><title>" + "t" * (11 * _MB) + "</title></head><body></body></html>"
    ),
}


@pytest.mark.parametrize("name", sorted(ENORMOUS_PAGES))
def test_enormous_html(name: str) -> None:
    page = ENORMOUS_PAGES[name]()
    for data in (page, page.encode("utf-8")):
        articles, errors = _in_thread(lambda: _parse(data, "html"))  # noqa: B023
        if name == "many-paragraphs":
            assert len(articles[0].body[0].paragraphs) == 50_000
        else:
            # Over libxml2's 10 MB limit: an error, never an article cut short.
            assert not articles
            assert "safety limits" in errors[0].message


@pytest.mark.parametrize("format_name", ["json", "jsonl"])
def test_multi_megabyte_json_string(format_name: str) -> None:
    title = "t" * (8 * _MB)
    document = json.dumps({"title": title, "body": [{"paragraphs": ["p" * (8 * _MB)]}]})
    articles, errors = _in_thread(lambda: _parse(document + "\n", format_name))
    assert (articles and articles[0].title == title) or errors
    unterminated = '{"title": "' + "t" * (8 * _MB)
    articles, errors = _in_thread(lambda: _parse(unterminated, format_name))
    assert not articles
    assert len(errors) == 1


@pytest.mark.parametrize("format_name", ["tt", "brief"])
def test_enormous_line_in_text_formats(format_name: str) -> None:
    if format_name not in newsparse.formats():
        pytest.skip(f"the {format_name} plugin is not installed")
    # Two articles with a title and two paragraphs each; TT numbers its articles.
    example = newsparse.render(
        [
            newsparse.Article(
                title=f"Rain returns to Riyadh {number}",
                body=[
                    newsparse.Section(paragraphs=["Light rain fell.", "Showers until Thursday."])
                ],
                meta={"tt.number": str(number)} if format_name == "tt" else {},
            )
            for number in (1, 2)
        ],
        format_name,
    )
    lines = example.split("\n")
    for index in (0, len(lines) // 2, len(lines) - 1):
        big = [*lines]
        big[index] += " word" * (2 * _MB)
        _outcome("\n".join(big), format_name)
