"""The platform wheel: built with the standard ``python -m build``, installed into a fresh venv,
used from that venv alone (no checkout on the path, the working folder outside it).

The wheel is built from python/ directly (the hook compiles the binary with
``swift build -c release --static-swift-stdlib`` in ``.build/wheel``, incrementally), and the
sdist route of a plain ``python -m build`` is checked too: the sdist carries the Swift package,
and its wheel is built with ``$PLOTLINE_WHEEL_BINARY`` pointing at the binary just built, so
the slow release build runs once.
"""

import json
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile

import pytest

from seed import REPO, seed_cells

pytest.importorskip("build")
PYTHON_DIR = os.path.join(REPO, "python")
VERSION = "0.1.0"


def run(args, **kwargs):
    result = subprocess.run(args, capture_output=True, text=True, **kwargs)
    assert result.returncode == 0, f"{' '.join(map(str, args))} exited {result.returncode}:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    return result


def clean_env(venv):
    """An environment with nothing of the checkout: the venv's bin first, no PLOTLINE_* or PYTHONPATH."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PLOTLINE_", "PYTHON", "VIRTUAL_ENV"))}
    env["PATH"] = f"{venv}/bin:/usr/bin:/bin"
    env["VIRTUAL_ENV"] = str(venv)
    return env


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    """(wheel path, sdist path): both built with `python -m build`, the binary compiled once."""
    if shutil.which("swift") is None and not os.environ.get("PLOTLINE_WHEEL_BINARY"):
        pytest.skip("building the wheel needs Swift (or $PLOTLINE_WHEEL_BINARY)")
    out = tmp_path_factory.mktemp("dist")
    env = {k: v for k, v in os.environ.items() if k != "PLOTLINE_WHEEL_BINARY"}
    run([sys.executable, "-m", "build", "--wheel", "--outdir", str(out / "direct"), PYTHON_DIR], env=env)
    [wheel] = (out / "direct").glob("*.whl")
    binary = os.path.join(REPO, ".build", "wheel", "release", "plotline")
    env["PLOTLINE_WHEEL_BINARY"] = binary
    run([sys.executable, "-m", "build", "--outdir", str(out / "both"), PYTHON_DIR], env=env)
    [sdist] = (out / "both").glob("*.tar.gz")
    return wheel, sdist, list((out / "both").glob("*.whl"))


def test_the_wheel_is_a_platform_wheel_carrying_the_binary_and_the_fonts(wheel):
    path, sdist, from_sdist = wheel
    assert path.name.startswith(f"plotline-{VERSION}-py3-none-linux_"), path.name
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        binary = z.getinfo(f"plotline-{VERSION}.data/scripts/plotline")
    assert (binary.external_attr >> 16) & 0o111, "the binary is stored executable"
    assert f"plotline-{VERSION}.data/data/share/plotline/Fonts/DejaVuSans.ttf" in names
    assert f"plotline-{VERSION}.data/data/share/plotline/Fonts/LICENSE-DejaVu.txt" in names
    python = {n.split("plotline-%s.data/purelib/" % VERSION)[-1] for n in names}
    assert {"plotline/__init__.py", "plotline/live.py"} <= python, names
    with tarfile.open(sdist) as t:
        members = set(t.getnames())
    root = f"plotline-{VERSION}"
    assert {f"{root}/swift/Package.swift", f"{root}/swift/Sources/Text/FontLocator.swift",
            f"{root}/swift/Fonts/DejaVuSans.ttf", f"{root}/setup.py"} <= members
    assert not any("/.build" in m or "plotline-native" in m for m in members), "no build products in the sdist"
    assert [w.name for w in from_sdist] == [path.name], "python -m build makes the same platform wheel from the sdist"


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory):
    """A fresh venv with the wheel (and a kernel, for the notebook) installed from it alone."""
    path = tmp_path_factory.mktemp("fresh") / "venv"
    run([sys.executable, "-m", "venv", str(path)])
    run([str(path / "bin" / "python"), "-m", "pip", "install", "--quiet", f"{wheel[0]}[notebook]",
         "ipykernel", "nbclient", "nbformat", "-c", os.path.join(PYTHON_DIR, "requirements-test.txt")],
        env=clean_env(path), cwd=str(path.parent))
    return path


def test_plotline_runs_from_the_venv_without_the_checkout(venv, tmp_path):
    env = clean_env(venv)
    version = run(["plotline", "--version"], env=env, cwd=str(tmp_path))
    assert version.stdout.strip(), "plotline --version prints the version"
    assert shutil.which("plotline", path=env["PATH"]) == str(venv / "bin" / "plotline")
    ldd = run(["ldd", str(venv / "bin" / "plotline")]).stdout
    assert "libswift" not in ldd and "libFoundation" not in ldd and "not found" not in ldd, ldd
    # The C libraries are linked in (tools/static-libraries): only glibc and libstdc++ are needed.
    needed = {line.split()[0] for line in ldd.splitlines() if "=>" in line}
    assert needed <= {"libm.so.6", "libstdc++.so.6", "libgcc_s.so.1", "libc.so.6"}, ldd
    shutil.copy(os.path.join(REPO, "examples", "metrics.csv"), tmp_path / "metrics.csv")
    run(["plotline", "render", "metrics.csv", "-o", "metrics.png"], env=env, cwd=str(tmp_path))
    assert (tmp_path / "metrics.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (tmp_path / "metrics.png").stat().st_size > 20_000, "a real figure with text (the fonts were found)"
    where = run([str(venv / "bin" / "python"), "-c",
                 "import plotline, sys; print(plotline.__file__); print(plotline.find_binary())"],
                env=env, cwd=str(tmp_path)).stdout.split()
    assert where[0].startswith(str(venv)) and REPO not in where[0], where
    assert where[1] == str(venv / "bin" / "plotline"), "the helper finds the binary installed with the package"


def test_the_release_binary_draws_training_logs_and_the_shared_datasets(venv, tmp_path):
    """The wheel's binary is the one release build the tests run: every other test uses the debug
    build. A release-only crash (Swift 6.3.1 miscompiled the default figure of any `lr` column,
    exit 139, while the debug build drew it) is caught here: each table's default figure, drawn
    with the usual flags, must exit 0 with a PNG."""
    env = clean_env(venv)
    names = ["epoch,loss,val_loss,acc,val_acc,lr", "step,train/loss,val/loss,lr", "global_step,learning_rate,loss",
             "step,train_loss_step,train_loss_epoch,lr-AdamW", "epoch,lr,lr_1", "x,LR"]
    tables = []
    for k, header in enumerate(names):
        columns = header.count(",")
        rows = [",".join([str(i)] + ["%.6g" % ((j + 1) * 0.5 ** (i % 9) * 10 ** -(j % 4)) for j in range(columns)])
                for i in range(1, 40)]
        path = tmp_path / f"log{k}.csv"
        path.write_text(header + "\n" + "\n".join(rows) + "\n")
        tables.append(path)
    shared = os.path.join(REPO, "..", "shared", "data")
    if os.path.isdir(shared):
        tables += [os.path.join(shared, f) for f in sorted(os.listdir(shared)) if f.endswith((".csv", ".json"))]
    assert len(tables) >= len(names)
    for table in tables:
        for flags in ([], ["--logy"], ["--subplots"], ["--smooth", "0.6"]):
            out = tmp_path / "out.png"
            run(["plotline", "render", str(table), *flags, "-o", str(out)], env=env, cwd=str(tmp_path))
            assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", (table, flags)


def test_the_release_binary_runs_every_command(venv, tmp_path):
    """Every command of the release binary once, as a user runs it (the other tests use the debug
    build; release-only miscompiles and the release binary's own libraries show only here):
    render with a spec and its --print-spec round trip, SVG/PDF, standard output, an output
    through a symlink, a report with an index and --base-url, schema, demo, and the usual
    errors (exit status and message)."""
    env = clean_env(venv)
    data = tmp_path / "runs" / "exp1"
    data.mkdir(parents=True)
    rows = ["epoch,loss,val_loss,lr"] + [f"{i},{1 / i:.6f},{1.2 / i:.6f},{0.1 * 0.9 ** i:.6g}" for i in range(1, 60)]
    (data / "metrics.csv").write_text("\n".join(rows) + "\n")

    def plotline(*args, expect=0):
        result = subprocess.run(["plotline", *map(str, args)], capture_output=True, text=True, env=env, cwd=str(tmp_path))
        assert result.returncode == expect, f"plotline {' '.join(map(str, args))}: {result.returncode}\n{result.stderr[-3000:]}"
        return result

    spec = plotline("render", "runs/exp1/metrics.csv", "--print-spec").stdout
    (tmp_path / "fig.plot.json").write_text(spec)
    plotline("render", "runs/exp1/metrics.csv", "-o", "default.png")
    plotline("render", "--spec", "fig.plot.json", "-o", "again.png")
    assert (tmp_path / "default.png").read_bytes() == (tmp_path / "again.png").read_bytes()
    plotline("render", "--spec", "fig.plot.json", "-o", "fig.svg")
    plotline("render", "--spec", "fig.plot.json", "-o", "fig.pdf")
    assert (tmp_path / "fig.svg").read_text().lstrip().startswith(("<?xml", "<svg"))
    assert (tmp_path / "fig.pdf").read_bytes()[:5] == b"%PDF-"
    out = subprocess.run(["plotline", "render", "runs/exp1/metrics.csv", "-o", "-"], capture_output=True, env=env, cwd=str(tmp_path))
    assert out.returncode == 0 and out.stdout == (tmp_path / "default.png").read_bytes()
    (tmp_path / "real").mkdir()
    (tmp_path / "link.png").symlink_to(tmp_path / "real" / "target.png")
    plotline("render", "runs/exp1/metrics.csv", "-o", "link.png")
    assert (tmp_path / "link.png").is_symlink() and (tmp_path / "real" / "target.png").read_bytes()[:4] == b"\x89PNG"

    (tmp_path / "report.json").write_text(json.dumps({"version": 1, "title": "Nightly", "sections": [
        {"title": "Training", "figures": [{"spec": "fig.plot.json"},
                                          {"name": "lr", "data": "runs/exp1/metrics.csv", "options": {"y": "lr", "logy": True}}]}]}))
    plotline("report", "report.json", "-o", "site", "--base-url", "https://example.org/r/1/")
    index = (tmp_path / "site" / "index.md").read_text()
    assert "https://example.org/r/1/" in index and (tmp_path / "site" / "index.html").exists(), index[:2000]
    assert len(list((tmp_path / "site").rglob("*.png"))) == 2
    schema = json.loads(plotline("schema").stdout)
    assert "properties" in schema and "panels" in json.dumps(schema)
    plotline("demo", "-o", "demo.png")
    assert (tmp_path / "demo.png").read_bytes()[:4] == b"\x89PNG"

    bad_flag = plotline("render", "runs/exp1/metrics.csv", "--no-such-flag", expect=64)
    assert "--no-such-flag" in bad_flag.stderr
    missing = plotline("render", "runs/nothing.csv", "-o", "x.png", expect=1)
    assert "runs/nothing.csv" in missing.stderr and not (tmp_path / "x.png").exists()
    jpg = plotline("render", "runs/exp1/metrics.csv", "-o", "x.jpg", expect=64)
    assert ".png" in jpg.stderr and not (tmp_path / "x.jpg").exists()
    (tmp_path / "blob.csv").write_bytes(bytes(range(256)) * 8)
    binary = plotline("render", "blob.csv", "-o", "blob.png", expect=1)
    assert "blob.csv" in binary.stderr and not (tmp_path / "blob.png").exists()


def test_a_missing_binary_is_a_clear_error(venv, tmp_path):
    binary, hidden = venv / "bin" / "plotline", tmp_path / "plotline-hidden"
    script = "import plotline\ntry:\n    plotline.find_binary()\nexcept plotline.PlotlineNotFound as e:\n    print(e)\n"
    shutil.move(binary, hidden)
    try:
        out = run([str(venv / "bin" / "python"), "-c", script], env=clean_env(venv), cwd=str(tmp_path)).stdout
    finally:
        shutil.move(hidden, binary)
    assert "cannot find the plotline executable" in out and "pip install ./python" in out, out


def test_the_seed_notebook_runs_from_the_venv(venv, tmp_path):
    checks = """
import json, time
fig = plotline.show("runs/train.png")
probe = plotline.show("runs/probe.png")
deadline = time.monotonic() + 30
while time.monotonic() < deadline:
    s, p = plotline.read_status("runs/train.png"), plotline.read_status("runs/probe.png")
    if s and p and s.rows == 2500 and p.rows == 400 and fig.version == s.version and probe.version == p.version:
        break
    time.sleep(0.1)
print("RESULT " + json.dumps({"train": [fig.updates, fig.version, s.version, s.rows, s.ok],
                              "probe": [probe.updates, probe.version, p.version, p.rows, p.ok],
                              "module": plotline.__file__, "binary": plotline.find_binary()}))
"""
    runner = f"""
import json, sys, nbformat
from nbclient import NotebookClient
cells = json.loads(sys.argv[1])
nb = nbformat.v4.new_notebook()
nb.cells = [nbformat.v4.new_code_cell(c) for c in cells]
NotebookClient(nb, timeout=90, kernel_name="python3", resources={{"metadata": {{"path": "."}}}}).execute()
for output in nb.cells[-1].outputs:
    if output.get("name") == "stdout":
        print(output["text"])
views = sum(1 for c in nb.cells for o in c.outputs if "application/vnd.jupyter.widget-view+json" in o.get("data", {{}}))
print("VIEWS", views)
"""
    (tmp_path / "run_seed.py").write_text(runner)
    result = run([str(venv / "bin" / "python"), "run_seed.py", json.dumps(seed_cells() + [checks])],
                 env=clean_env(venv), cwd=str(tmp_path))
    line = next(l for l in result.stdout.splitlines() if l.startswith("RESULT "))
    found = json.loads(line[len("RESULT "):])
    for name, rows in (("train", 2500), ("probe", 400)):
        updates, shown, version, logged, ok = found[name]
        assert ok and logged == rows and shown == version, found
        assert updates >= 3, f"{name}.png was replaced in place several times: {found}"
    assert found["module"].startswith(str(venv)) and found["binary"] == str(venv / "bin" / "plotline"), found
    assert "VIEWS 4" in result.stdout, "two figures shown by the seed, two again by the check"
