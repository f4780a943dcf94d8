"""Writes the report specs that bench/report/run.sh times.

  python3 make_reports.py BENCH_DATA SHARED_DATA OUT_DIR

- OUT_DIR/w6.json: workload W6 of ../shared/bench (20 line figures of ci/test_NN.csv, 500 points
  each, 1200x800), as inline figure specs that draw what gnuplot/w6.gp and mpl_workloads.py draw.
- OUT_DIR/r500.json: 500 figures over the shared datasets (../shared/data): every numeric column
  of each table against its x, as lines, steps, areas and scatters, light and dark, 1200x800.
"""
import csv
import json
import os
import sys

bench, shared, out = sys.argv[1:4]
os.makedirs(out, exist_ok=True)

w6 = {"version": 1, "title": "W6: CI report", "sections": [{"title": "Tests", "figures": [
    {"name": f"w6_{i:02d}", "figure": {
        "version": 1, "data": {"d": f"{bench}/ci/test_{i:02d}.csv"},
        "panels": [{"title": f"test_{i:02d}", "x": {"label": "step"}, "y": {"label": "value"},
                    "series": [{"x": "step", "y": "value", "width": 1}]}]}}
    for i in range(20)]}]}
with open(os.path.join(out, "w6.json"), "w") as f:
    json.dump(w6, f, indent=1)

# (file, x column, kinds) for the shared datasets; y runs over every other numeric column.
tables = [
    ("seattle-weather.csv", "date", ["line", "step", "area"]),
    ("us-employment.csv", "month", ["line", "step"]),
    ("iris.csv", "sepal_length", ["scatter"]),
    ("flights.csv", "year", ["scatter"]),
    ("tips.csv", "total_bill", ["scatter"]),
    ("github.csv", "time", ["line"]),
    ("stocks.csv", "date", ["scatter"]),
    ("taxis.csv", "distance", ["scatter"]),
]
combos = []
for name, x, kinds in tables:
    with open(os.path.join(shared, name), newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]

    def numeric(c):
        try:
            [float(r[c]) for r in body[:50] if r[c] != ""]
            return True
        except ValueError:
            return False
    ys = [h for i, h in enumerate(header) if h != x and numeric(i)]
    for y in ys:
        for kind in kinds:
            combos.append((name, x, y, kind))

sections = {}
for i in range(500):
    name, x, y, kind = combos[i % len(combos)]
    theme = "dark" if (i // len(combos)) % 2 else "light"
    stem = name.rsplit(".", 1)[0]
    sections.setdefault(stem, []).append({
        "name": f"{i:03d} {stem} {y} {kind} {theme}", "data": os.path.join(shared, name),
        "options": {"x": x, "y": y, "kind": kind, "theme": theme, "title": f"{stem}: {y}"}})
r500 = {"version": 1, "title": "500 figures of the shared datasets",
        "sections": [{"title": k, "figures": v} for k, v in sections.items()]}
with open(os.path.join(out, "r500.json"), "w") as f:
    json.dump(r500, f, indent=1)
print(f"{len(combos)} distinct figures, cycled to 500; specs in {out}")
