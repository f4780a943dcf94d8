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
