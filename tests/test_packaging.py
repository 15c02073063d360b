"""The wheels that other projects install: built from the clone, complete, and found.

The install page (docs/howto/install.md) tells users to build one wheel per
distribution with ``pip wheel --no-deps`` and install them elsewhere with
``--find-links``.  This builds them the same way (without build isolation, so
that no network is needed: hatchling comes with the test dependencies) and
checks what another project would get: the modules, the typing marker, the
JSON Schema, the dependencies and the entry points that make plugins appear.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

#: folder -> (distribution name, import package, entry-point names in the "newsparse" group)
DISTRIBUTIONS = {
    ".": ("newsparse", "newsparse", set()),
    "plugins/newsparse-aawsat": ("newsparse_aawsat", "newsparse_aawsat", {"aawsat"}),
    "plugins/newsparse-iptc": ("newsparse_iptc", "newsparse_iptc", {"iptc"}),
    "plugins/newsparse-wire": ("newsparse_wire", "newsparse_wire", {"wire"}),
    "plugins/newsparse-feeds": ("newsparse_feeds", "newsparse_feeds", {"feeds"}),
    "plugins/newsparse-site-anadolu": ("newsparse_site_anadolu", "newsparse_site_anadolu", None),
    "plugins/newsparse-site-dagbladet": (
        "newsparse_site_dagbladet",
        "newsparse_site_dagbladet",
        None,
    ),
    "plugins/newsparse-site-hankookilbo": (
        "newsparse_site_hankookilbo",
        "newsparse_site_hankookilbo",
        None,
    ),
}


@pytest.fixture(scope="module")
def wheels(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    pytest.importorskip("hatchling", reason="hatchling (a test dependency) builds the wheels")
    out = tmp_path_factory.mktemp("wheels")
    command = [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation"]
    command += ["--wheel-dir", str(out), *(str(REPO / folder) for folder in DISTRIBUTIONS)]
    subprocess.run(command, check=True, capture_output=True, timeout=600)
    built = {}
    for path in out.glob("*.whl"):
        built[path.name.split("-")[0]] = path
    return built


def _metadata(wheel: zipfile.ZipFile, name: str) -> tuple[dict[str, list[str]], str]:
    info = next(n for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
    message = Parser().parsestr(wheel.read(info).decode("utf-8"))
    fields: dict[str, list[str]] = {}
    for key, value in message.items():
        fields.setdefault(key, []).append(value)
    points = next((n for n in wheel.namelist() if n.endswith(".dist-info/entry_points.txt")), "")
    return fields, wheel.read(points).decode("utf-8") if points else ""


def test_one_wheel_per_distribution(wheels: dict[str, Path]) -> None:
    assert set(wheels) == {name for name, _, _ in DISTRIBUTIONS.values()}


def test_the_core_wheel_is_complete(wheels: dict[str, Path]) -> None:
    with zipfile.ZipFile(wheels["newsparse"]) as wheel:
        names = set(wheel.namelist())
        fields, points = _metadata(wheel, "newsparse")
    assert {
        "newsparse/__init__.py",
        "newsparse/py.typed",
        "newsparse/schemas/article.schema.json",
        "newsparse/testing/_conformance.py",
    } <= names
    requires = " ".join(fields["Requires-Dist"])
    for dependency in ("attrs", "cattrs", "pluggy", "lxml", "click", "tqdm"):
        assert dependency in requires
    assert "[console_scripts]\nnewsparse = newsparse.cli:main" in points
    assert not any(name.startswith(("tests/", "plugins/")) for name in names)


@pytest.mark.parametrize("folder", [f for f in DISTRIBUTIONS if f != "."])
def test_each_plugin_wheel_registers_through_the_entry_point_group(
    wheels: dict[str, Path], folder: str
) -> None:
    name, package, expected_points = DISTRIBUTIONS[folder]
    with zipfile.ZipFile(wheels[name]) as wheel:
        names = set(wheel.namelist())
        fields, points = _metadata(wheel, name)
    assert f"{package}/__init__.py" in names
    assert f"{package}/py.typed" in names
    assert any(r.startswith("newsparse") for r in fields["Requires-Dist"])
    assert "[newsparse]\n" in points
    group = points.split("[newsparse]\n", 1)[1].split("\n[", 1)[0]
    keys = {line.split("=")[0].strip() for line in group.splitlines() if "=" in line}
    assert keys, points
    if expected_points is not None:
        assert keys == expected_points
