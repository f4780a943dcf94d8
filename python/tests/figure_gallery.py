"""Figures that together use every key and kind the Python figure API can write (for the schema tests)."""

import array
import math
import os

import plotline


def write_inputs(folder):
    """The data files the gallery reads: a training log, bars, a headerless ';' file with Unix times, pie shares."""
    with open(os.path.join(folder, "metrics.csv"), "w") as f:
        f.write("step,loss,val_loss,acc,err,cat\n")
        for i in range(60):
            f.write(f"{i},{1 / (i + 1):.6f},{1.3 / (i + 1):.6f},{0.5 + 0.4 * math.sin(i / 9):.4f},{0.02 + 0.01 * (i % 3)},"
                    f"{'abc'[i % 3]}\n")
    with open(os.path.join(folder, "bars.csv"), "w") as f:
        f.write("category,A,B,C,A_err\nx,3,2,1,0.3\ny,4,1,2,0.5\nz,2,3,3,0.2\n")
    with open(os.path.join(folder, "times.txt"), "w") as f:
        for i in range(40):
            f.write(f"{1700000000 + 3600 * i};{math.cos(i / 6):.4f}\n")
    with open(os.path.join(folder, "shares.csv"), "w") as f:
        f.write("name,share\nalpha,5\nbeta,3\ngamma,2\n")
    with open(os.path.join(folder, "export.csv"), "w", encoding="latin-1") as f:  # a European spreadsheet export
        f.write("# exported\nmonth;umsatz \u00e4\n")
        for i in range(12):
            f.write(f"{i + 1};{'n/v' if i == 5 else f'1.{200 + 37 * i},5'}\n")


def gallery(folder):
    """[(name, Figure)] written under `folder`; every figure must render."""
    write_inputs(folder)
    log = os.path.join(folder, "metrics.csv")
    bars = os.path.join(folder, "bars.csv")
    figures = []

    lines = plotline.Figure(os.path.join(folder, "lines"), title="Lines", size=(800, 600), dpi=90, theme="dark",
                            layout=(2, 2), sharex=False, sharey=False)
    lines.data("times", os.path.join(folder, "times.txt"), delimiter=";", header=False, timestamps={"col1": "s"})
    lines.panel("Loss", xlabel="step", ylabel="loss", yscale="log", xlim=(0, 60), grid=True, minor_grid=True,
                legend="upper right") \
        .line(log, x="step", y=["loss", "val_loss"], color="C1", width=2, dash="dashed", marker="circle",
              markersize=4, alpha=0.8, smooth=0.6, label=["train", "validation"])
    lines.panel("Accuracy", y={"robust": True}, x={"scale": "linear"}, y2label="loss", grid="y", legend="lower right") \
        .step(log, x="step", y="acc", dash=[2, 1]) \
        .area(log, x="step", y="acc", alpha=0.3) \
        .area(log, x="step", y="acc", y2="loss", alpha=0.2) \
        .scatter(log, x="step", y="loss", axis="right", marker="square") \
        .hline(0.5, color="tab:red", width=1, dash="dotted").vline(30) \
        .hspan(0.6, 0.7, color="#2ca02c", alpha=0.2).vspan(10, 20) \
        .text("peak", 14, 0.9, dx=6, dy=-4, color="white", marker=False)
    lines.panel("Errors", yscale="symlog", y={"linthresh": 0.5}, legend="none") \
        .errorbar(log, x="step", y="acc", error="err") \
        .scatter(log, x="step", y="loss", by="cat") \
        .line(log, x="step", y="acc", aggregate="mean", band="ci95")
    lines.panel("Time axis", xscale="time", ylim=(-1.5, 1.5)).line("times", x="col1", y="col2")

    figures.append(("lines", lines))

    bar = plotline.Figure(os.path.join(folder, "bars"), layout=(1, 3))
    bar.panel("Grouped", group=True).bar(bars, x="category", y="A", error="A_err") \
        .bar(bars, x="category", y="B", stack="BC").bar(bars, x="category", y="C", stack="BC")
    bar.panel("Horizontal", group=0.5).bar(bars, x="category", y="A", orientation="horizontal")
    bar.panel("Boxes", x={"categories": ["b", "a"]}).box(log, x="cat", y="loss") \
        .line(log, x="cat", y="acc", aggregate="mean")
    figures.append(("bars", bar))

    values = array.array("d", (math.sin(i * 0.37) * (1 + i % 5) for i in range(2000)))
    hist = plotline.Figure(os.path.join(folder, "hist"), layout=(None, 2))
    hist.panel("Vertical").histogram(values, name="values", bins=30)
    hist.panel("Horizontal").histogram("values", x="value", bins="fd")
    figures.append(("hist", hist))

    matrix = [[math.sin(i / 4) * math.cos(j / 5) for j in range(30)] for i in range(20)]
    heat = plotline.Figure(os.path.join(folder, "heat"), layout=(1, 3), size="1200x400")
    heat.panel("Matrix").heatmap(matrix, name="grid", colormap="magma", vmin=-1, vmax=1, label="value")
    heat.panel("Wide").heatmap(bars, columns=["A", "B", "C"])
    long_form = {"lr": [0.1, 0.1, 0.01, 0.01], "batch": [32, 64, 32, 64], "acc": [0.8, 0.7, 0.9, 0.85]}
    heat.panel("Long").heatmap(long_form, name="sweep", x="lr", y="batch", value="acc", colormap="viridis")
    figures.append(("heat", heat))

    pie = plotline.Figure(os.path.join(folder, "pie"), size=(400, 400))
    pie.panel("Shares").pie(os.path.join(folder, "shares.csv"), y="share", labels="name", percentages=True)
    figures.append(("pie", pie))

    export = plotline.Figure(os.path.join(folder, "export"), size=(500, 350))
    export.data("export", os.path.join(folder, "export.csv"), delimiter=";", decimal=",", thousands=".", comment="#",
                na_values=["n/v"], encoding="latin-1")
    export.panel("Umsatz").bar("export", x="month", y="umsatz \u00e4")
    figures.append(("export", export))

    embedding = [[math.cos(k) * k / 50, math.sin(k) * k / 50] for k in range(300)]
    scatter = plotline.Figure(os.path.join(folder, "embedding"), size=(500, 500))
    scatter.panel("Embedding").scatter(embedding, name="emb", x=0, y=1, markersize=2.16, alpha=0.5)
    figures.append(("embedding", scatter))

    with open(os.path.join(folder, "groups.csv"), "w") as f:  # long format: a site per facet, a run per colour
        f.write("t,v,site,run\n" + "".join(f"{t},{(t * k) % 7},{'north' if k % 2 else 'south'},r{k}\n"
                                            for k in range(4) for t in range(10)))
    facet = plotline.Figure(os.path.join(folder, "facet"), size=(600, 400), facet="site", palette="tab20",
                            rasterize="never", formats=["png", "svg"])
    facet.data("groups", os.path.join(folder, "groups.csv"))
    facet.panel().line("groups", x="t", y="v", by="run")
    figures.append(("facet", facet))
    return figures


def keys_used(spec):
    """{"figure": set, "data": set, "panel": set, "axis": set, "series": set, "annotation": set, "kinds": set} of a spec."""
    used = {"figure": set(spec), "data": set(), "panel": set(), "axis": set(), "series": set(), "annotation": set(),
            "kinds": set()}
    for source in spec["data"].values():
        if isinstance(source, dict):
            used["data"] |= set(source)
    for panel in spec["panels"]:
        used["panel"] |= set(panel)
        for axis in ("x", "y", "y2"):
            used["axis"] |= set(panel.get(axis, {}))
        for series in panel["series"]:
            used["series"] |= set(series)
            used["kinds"].add(series.get("kind", "line"))
        for note in panel.get("annotations", []):
            used["annotation"] |= set(note)
    return used
