"""plotline.log / Logger: CSV and JSON Lines rows, widening, quoting, whole lines from threads."""

import csv
import json
import os
import threading

import pytest

import plotline
from plotline.rowformat import csv_field


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def test_csv_header_then_rows(tmp_path):
    path = tmp_path / "m.csv"
    with plotline.Logger(path) as log:
        log.log(step=1, loss=0.5)
        log.log(step=2, loss=0.25)
    assert read_csv(path) == [["step", "loss"], ["1", "0.5"], ["2", "0.25"]]


def test_columns_widen_by_rewriting_the_file(tmp_path):
    path = str(tmp_path / "m.csv")
    log = plotline.Logger(path)
    log.log(step=1, loss=0.5)
    inode = os.stat(path).st_ino
    log.log(step=2, loss=0.4, val_loss=0.6)
    log.log(step=3, val_loss=0.5)
    assert read_csv(path) == [["step", "loss", "val_loss"], ["1", "0.5", ""], ["2", "0.4", "0.6"], ["3", "", "0.5"]]
    assert os.stat(path).st_ino != inode, "widening replaces the file (the watcher rereads a new inode)"
    assert log.columns == ["step", "loss", "val_loss"]
    assert [n for n in os.listdir(tmp_path) if "tmp" in n] == [], "no temp file left"


def test_reopening_an_existing_csv_keeps_its_header(tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("step,loss\n1,0.5\n")
    plotline.Logger(path).log(loss=0.25, step=2)
    assert read_csv(path)[-1] == ["2", "0.25"], "values follow the file's column order"


def test_values_and_rfc4180_quoting(tmp_path):
    path = tmp_path / "m.csv"
    plotline.Logger(path).log(a='say "hi", then\nleave', b=None, c=True, d=False, e=float("nan"), f=float("-inf"), g=3)
    rows = read_csv(path)
    assert rows[1] == ['say "hi", then\nleave', "", "1", "0", "nan", "-inf", "3"]
    assert csv_field("a\tb", "\t") == '"a\tb"'
    assert csv_field(" padded", ",") == '" padded"'
    assert csv_field(0.1, ",") == "0.1"


def test_tsv_uses_tabs(tmp_path):
    path = tmp_path / "m.tsv"
    plotline.log(str(path), x=1, label="a,b")
    assert path.read_text() == "x\tlabel\n1\ta,b\n"


def test_jsonl_rows_and_new_keys(tmp_path):
    path = tmp_path / "m.jsonl"
    log = plotline.Logger(path)
    log.log(step=1, loss=0.5)
    log.log({"val/loss": float("inf")}, step=2, flag=True)
    lines = path.read_text().splitlines()
    assert [json.loads(line) for line in lines] == [{"step": 1, "loss": 0.5}, {"val/loss": None, "step": 2, "flag": True}]


def test_numpy_like_scalars_use_item(tmp_path):
    class Scalar:
        def item(self):
            return 0.125
    path = tmp_path / "m.csv"
    plotline.log(str(path), loss=Scalar())
    assert read_csv(path)[1] == ["0.125"]


def test_module_log_shares_one_logger_per_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    plotline.log("m.csv", step=1)
    plotline.log("./m.csv", step=2, extra=1)
    plotline.log(str(tmp_path / "m.csv"), step=3)
    assert read_csv(tmp_path / "m.csv") == [["step", "extra"], ["1", ""], ["2", "1"], ["3", ""]]


def test_file_replaced_by_someone_else_is_followed(tmp_path, monkeypatch):
    monkeypatch.setattr(plotline.logger, "FOLLOW_INTERVAL", 0.0)
    path = tmp_path / "m.csv"
    log = plotline.Logger(path)
    log.log(a=1)
    os.unlink(path)
    log.log(a=2)
    assert read_csv(path) == [["a"], ["2"]], "a deleted file is created again with a header"


def test_concurrent_appends_from_threads_are_whole_lines(tmp_path):
    path = tmp_path / "m.csv"
    log = plotline.Logger(path)
    payload = "x" * 3000  # longer than a pipe buffer's atomic size would matter for
    def worker(n):
        for i in range(300):
            log.log(thread=n, i=i, text=payload)
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    rows = read_csv(path)
    assert rows[0] == ["thread", "i", "text"]
    assert len(rows) == 1 + 8 * 300
    assert all(len(r) == 3 and r[2] == payload for r in rows[1:])
    for n in range(8):
        assert [int(r[1]) for r in rows[1:] if r[0] == str(n)] == list(range(300)), "each thread's rows in order"


def test_concurrent_appends_from_processes_are_whole_lines(tmp_path):
    path = tmp_path / "m.jsonl"
    path.write_text("")
    pids = []
    for n in range(4):
        pid = os.fork()
        if pid == 0:
            try:
                log = plotline.Logger(path)
                for i in range(200):
                    log.log(proc=n, i=i, text="y" * 2000)
            finally:
                os._exit(0)
        pids.append(pid)
    for pid in pids:
        os.waitpid(pid, 0)
    records = [json.loads(line) for line in path.read_text().splitlines()]
    assert len(records) == 800
    for n in range(4):
        assert [r["i"] for r in records if r["proc"] == n] == list(range(200))


def test_unknown_extension_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match=r"\.csv, \.tsv or \.jsonl.*\.txt"):
        plotline.Logger(tmp_path / "m.txt")


class FakeTensor:
    """What a torch tensor offers the logger: ``.item()`` raising for more than one element."""

    def __init__(self, *values):
        self.values = values
        self.shape = (len(values),)

    def item(self):
        if len(self.values) != 1:
            raise RuntimeError(f"a Tensor with {len(self.values)} elements cannot be converted to Scalar")
        return self.values[0]


def test_one_element_lists_tuples_and_tensors_are_unwrapped(tmp_path):
    path = tmp_path / "m.csv"
    plotline.log(path, step=1, lr=[0.0005], wd=(0.01,), loss=FakeTensor(0.25), nested=[[3]])
    assert read_csv(path) == [["step", "lr", "wd", "loss", "nested"], ["1", "0.0005", "0.01", "0.25", "3"]]
    jsonl = tmp_path / "m.jsonl"
    plotline.log(jsonl, step=1, lr=[0.0005], loss=FakeTensor(0.25))
    assert json.loads(jsonl.read_text()) == {"step": 1, "lr": 0.0005, "loss": 0.25}


def test_numpy_arrays_of_one_element_are_unwrapped_and_longer_ones_refused(tmp_path):
    np = pytest.importorskip("numpy")
    path = tmp_path / "m.csv"
    plotline.log(path, step=np.int64(1), lr=np.array([0.5]), m=np.array([[2.0]]), s=np.float32(0.25))
    assert read_csv(path) == [["step", "lr", "m", "s"], ["1", "0.5", "2.0", "0.25"]]
    with pytest.raises(TypeError, match=r"grad=.* is a ndarray of shape \(3,\), not one number"):
        plotline.log(path, step=2, grad=np.zeros(3))


@pytest.mark.parametrize("value, what", [
    ([0.1, 0.2], "a list of 2 values"), ((), "a tuple of 0 values"), ({"a": 1}, "a dict"),
    ({1, 2}, "a set"), (FakeTensor(1.0, 2.0), "a FakeTensor of shape (2,)"), (b"ab", "a bytes"),
])
def test_a_non_scalar_raises_before_anything_is_written(tmp_path, value, what):
    path = tmp_path / "m.csv"
    plotline.log(path, step=1, loss=0.5)
    before = path.read_bytes()
    with pytest.raises(TypeError) as info:
        plotline.log(path, step=2, loss=0.4, lr=value)
    message = str(info.value)
    assert str(path) in message and "lr=" in message and what in message and "Nothing was written" in message, message
    assert path.read_bytes() == before, "the header is not widened and no row is written"
    plotline.log(path, step=3, loss=0.3)
    assert read_csv(path) == [["step", "loss"], ["1", "0.5"], ["3", "0.3"]]


@pytest.mark.parametrize("name", ["m.csv", "m.jsonl"])
def test_fresh_starts_a_new_run_without_the_old_rows(tmp_path, name):
    path = tmp_path / name
    for step in range(3):  # the first run, then the cell is re-run
        plotline.log(path, step=step, loss=1.0, old_metric=5)
    inode = os.stat(path).st_ino
    for step in range(2):
        plotline.log(path, fresh=step == 0, step=step, loss=0.5)
    text = path.read_text()
    if name.endswith(".csv"):
        assert read_csv(path) == [["step", "loss"], ["0", "0.5"], ["1", "0.5"]], text
    else:
        assert [json.loads(line) for line in text.splitlines()] == [{"step": 0, "loss": 0.5}, {"step": 1, "loss": 0.5}]
    assert os.stat(path).st_ino != inode, "replaced atomically (a new inode: the watcher reads it whole)"
    assert [n for n in os.listdir(tmp_path) if "tmp" in n] == []


def test_a_fresh_logger_replaces_the_file_at_its_first_row(tmp_path):
    path = tmp_path / "m.csv"
    plotline.log(path, step=0, loss=1.0)
    log = plotline.Logger(path, fresh=True)
    assert read_csv(path) == [["step", "loss"], ["0", "1.0"]], "nothing changes before the first row"
    log.log(step=0, acc=0.5)
    log.log(step=1, acc=0.6)
    assert read_csv(path) == [["step", "acc"], ["0", "0.5"], ["1", "0.6"]]
    with pytest.raises(ValueError, match="fresh=True"):
        log.log(fresh=True)
