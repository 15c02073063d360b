"""Real plugin distributions, built and installed by pip, found through entry points.

The two distributions under ``tests/plugin_dists/`` are built with their own
``pyproject.toml`` (hatchling) and installed with one ``pip install --no-deps``
call of the interpreter running the tests:

``newsparse-demo-plugin``
    entry point ``demo``: the parse+render format ``demo`` (one title per line).
``newsparse-broken-plugin``
    entry point ``broken``: raises ``RuntimeError`` when imported.

pip installs them with ``--target`` into a folder of this session rather than
into the environment's own site-packages: the entry points are found exactly
as for any installed distribution (the folder is put on ``sys.path`` here and
on ``PYTHONPATH`` for the subprocesses), but tests running at the same time in
other pytest-xdist workers never see a half-installed or broken plugin, and
nothing has to be uninstalled afterwards (the folder is removed).

pip builds the wheels in an isolated environment and may download hatchling
for that; when it cannot (no network), the whole module is skipped.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis.strategies import SearchStrategy

from newsparse import Article, parse, render
from newsparse._plugins import ENV_DISABLE_AUTOLOAD, ENV_STRICT, get_host, reset_host
from newsparse.testing import FormatConformance, sparse_articles

PLUGIN_DISTS = Path(__file__).parent / "plugin_dists"
DEMO_DIST = PLUGIN_DISTS / "newsparse-demo-plugin"
BROKEN_DIST = PLUGIN_DISTS / "newsparse-broken-plugin"
PLUGIN_MODULES = ("newsparse_demo_plugin", "newsparse_broken_plugin")

#: What pip prints when it cannot reach an index for the build backend.
NETWORK_TROUBLE = (
    "No matching distribution found",
    "Could not find a version that satisfies",
    "NewConnectionError",
    "Temporary failure in name resolution",
    "Network is unreachable",
    "Max retries exceeded",
    "ProxyError",
)


@pytest.fixture(scope="session")
def plugin_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Build and install both test plugins into a fresh folder; remove it at the end."""
    target = tmp_path_factory.mktemp("plugin-site")
    command = [
        sys.executable,
        "-m",
        "pip",
        "install",
        "--no-deps",
        "--no-input",
        "--disable-pip-version-check",
        "--target",
        str(target),
        str(DEMO_DIST),
        str(BROKEN_DIST),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    output = done.stdout + done.stderr
    if done.returncode != 0:
        if any(sign in output for sign in NETWORK_TROUBLE):
            pytest.skip(
                "cannot build the test plugins: pip could not download the build backend "
                f"(hatchling), presumably for lack of network:\n{output[-1500:]}"
            )
        pytest.fail(f"pip install of the test plugins failed:\n{output}")
    assert (target / "newsparse_demo_plugin" / "__init__.py").is_file(), output
    try:
        yield target
    finally:
        shutil.rmtree(target, ignore_errors=True)


@pytest.fixture(scope="module", autouse=True)
def _host_with_plugins(plugin_site: Path) -> Iterator[None]:
    """Make the in-process host load the installed plugins (not strictly)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(plugin_site))
        patch.delenv(ENV_DISABLE_AUTOLOAD, raising=False)
        patch.delenv(ENV_STRICT, raising=False)
        reset_host()
        try:
            yield
        finally:
            reset_host()
            for module in PLUGIN_MODULES:
                sys.modules.pop(module, None)


def newsparse_cli(
    plugin_site: Path, *args: str, cwd: Path | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m newsparse ARGS`` with the test plugins installed."""
    environ = {
        key: value
        for key, value in os.environ.items()
        if key not in {ENV_DISABLE_AUTOLOAD, ENV_STRICT}
    }
    environ["PYTHONPATH"] = os.pathsep.join(
        [str(plugin_site), *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    environ.update(env)
    return subprocess.run(
        [sys.executable, "-m", "newsparse", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environ,
        cwd=cwd,
        timeout=120,
        check=False,
    )


BROKEN_WARNING = (
    "warning: plugin 'broken' failed to load: RuntimeError: newsparse-broken-plugin is "
    "broken on purpose (see 'newsparse plugins')"
)


def test_formats_lists_demo_from_its_plugin(plugin_site: Path) -> None:
    done = newsparse_cli(plugin_site, "formats")
    assert done.returncode == 0, done.stderr
    rows = {line.split()[0]: line.split() for line in done.stdout.splitlines()[1:]}
    assert rows["demo"] == ["demo", "parse/render", "Demo", "titles", ".demo", "demo"]
    assert rows["json"][-1] == "newsparse.builtin"
    assert BROKEN_WARNING in done.stderr.splitlines()
    listed = {
        row["name"]: row
        for row in json.loads(newsparse_cli(plugin_site, "formats", "--json").stdout)
    }
    assert listed["demo"]["plugin"] == "demo"
    assert (listed["demo"]["parse"], listed["demo"]["render"]) == (True, True)
    assert listed["demo"]["extensions"] == [".demo"]


def test_plugins_json_reports_the_broken_plugin(plugin_site: Path) -> None:
    done = newsparse_cli(plugin_site, "plugins", "--json")
    assert done.returncode == 0, done.stderr
    plugins = {item["name"]: item for item in json.loads(done.stdout)}
    broken = plugins["broken"]
    assert broken["version"] == "0.0.1"
    assert broken["distribution"] == "newsparse-broken-plugin"
    assert broken["formats"] == []
    assert "RuntimeError" in broken["error"]
    assert "broken on purpose" in broken["error"]
    demo = plugins["demo"]
    assert demo["version"] == "1.2.3"
    assert demo["distribution"] == "newsparse-demo-plugin"
    assert demo["formats"] == ["demo"]
    assert demo["hooks"] == ["newsparse_register_formats"]
    assert demo["error"] is None
    assert plugins["newsparse.builtin"]["error"] is None


def test_plugins_table_shows_the_failure(plugin_site: Path) -> None:
    done = newsparse_cli(plugin_site, "plugins")
    assert done.returncode == 0, done.stderr
    rows = {line.split()[0]: line.split() for line in done.stdout.splitlines() if line.strip()}
    assert rows["broken"][:3] == ["broken", "0.0.1", "FAILED"]
    assert rows["demo"][:4] == ["demo", "1.2.3", "ok", "demo"]
    assert "broken: RuntimeError: newsparse-broken-plugin is broken on purpose" in done.stdout


def test_convert_works_beside_the_broken_plugin(plugin_site: Path, tmp_path: Path) -> None:
    (tmp_path / "in.demo").write_text("#demo\nRain in Tehran\n\nTalks resume\n", "utf-8")
    done = newsparse_cli(plugin_site, "convert", "in.demo", "--to", "text", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "Rain in Tehran\n\n* * *\n\nTalks resume\n"
    assert BROKEN_WARNING in done.stderr.splitlines()
    (tmp_path / "in.json").write_text('[{"title": "One"}, {"title": "Two"}]', "utf-8")
    done = newsparse_cli(plugin_site, "convert", "in.json", "-o", "out.demo", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out.demo").read_text("utf-8") == "#demo\nOne\nTwo\n"


def test_strict_plugins_fail_naming_the_broken_one(plugin_site: Path) -> None:
    done = newsparse_cli(plugin_site, "formats", NEWSPARSE_STRICT_PLUGINS="1")
    assert done.returncode == 1
    assert "error: plugin 'broken'" in done.stderr
    assert "broken on purpose" in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""


def test_autoload_off_hides_both_plugins(plugin_site: Path) -> None:
    done = newsparse_cli(plugin_site, "formats", "--json", NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD="1")
    assert done.returncode == 0, done.stderr
    assert "demo" not in {row["name"] for row in json.loads(done.stdout)}
    assert "broken" not in done.stderr


def test_the_installed_plugin_in_this_process() -> None:
    host = get_host()
    assert host.plugin_of("demo") == "demo"
    infos = {info.name: info for info in host.plugins}
    assert infos["demo"].version == "1.2.3"
    assert infos["broken"].error is not None
    assert "broken on purpose" in infos["broken"].error
    text = "#demo\nRain in Tehran\r\n  Talks resume  \n"
    assert parse(text) == [Article(title="Rain in Tehran"), Article(title="Talks resume")]
    assert render([Article(title="A")], "demo") == "#demo\nA\n"


class TestDemoConformance(FormatConformance):
    """The conformance kit passes on the installed demo format."""

    format_name = "demo"
    canonical_examples = ("#demo\n", "#demo\nRain in Tehran\nTalks resume in Muscat\n")
    accepted_examples = ("#demo\r\n\r\n  Rain in Tehran  \r\n\n", "#demo")

    def strategy(self) -> SearchStrategy[Article]:
        """Return title-only articles: the demo format holds nothing else."""
        return sparse_articles()
