#!/usr/bin/env python3
"""Writes expected.json: tick locations and labels computed by matplotlib and numpy themselves.

Run from this folder: `python3 make_expected.py` (matplotlib 3.11.2, numpy 2.4.6 when recorded).
ChartTests reads the JSON; the Swift code must agree with these numbers (see ChartTests'
comments for the deliberate differences, e.g. log labels turned from mathtext into Unicode).
"""
import datetime as dt
import json
import re

import matplotlib
matplotlib.use("Agg")
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import matplotlib.ticker as mticker
import numpy as np

STEPS = [1, 2, 2.5, 5, 10]
UTC = dt.timezone.utc
SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def mathtext_to_unicode(s):
    """'$\\mathdefault{10^{-2}}$' -> '10⁻²'; '$\\mathdefault{2\\times10^{1}}$' -> '2×10¹'."""
    s = s.replace("$", "").replace("\\mathdefault{", "")
    s = s.replace("\\times", "×")
    s = re.sub(r"\^\{(-?\d+)\}", lambda m: m.group(1).translate(SUPERSCRIPT), s)
    s = s.rstrip("}")
    return s.replace("-", "\u2212").replace("⁻", "⁻")


def linear_cases():
    ranges = [
        (0, 1), (0, 10), (-1, 1), (-3.7, 12.2), (0.0013, 0.0021), (1e-9, 5e-9),
        (-5e-6, 5e-6), (3e6, 9.5e6), (1e9, 4e9), (-250, -12), (-1e-3, 0.0),
        (1e6, 1e6 + 1e-9 * 7), (1e6 + 2e-9, 1e6 + 9e-9), (123456.0, 123456.9),
        (99.5, 100.5), (0.98, 1.02), (2015.0, 2024.0), (-0.055, 0.055), (0.95, 10.5),
        (17, 17.000003), (1e-12, 1e-11), (-7e15, 3e16), (12345678, 12345699),
        (0, 2.5e-5), (-0.5, 7.5), (1, 1.0001), (0.1, 0.30000000000000004),
    ]
    out = []
    for vmin, vmax in ranges:
        for nbins in (3, 5, 9):
            loc = mticker.MaxNLocator(nbins=nbins, steps=STEPS)
            ticks = [float(t) for t in loc.tick_values(vmin, vmax)]
            fmt = mticker.ScalarFormatter()
            fmt.create_dummy_axis()
            fmt.axis.set_view_interval(vmin, vmax)
            labels = fmt.format_ticks(ticks)
            out.append(dict(vmin=vmin, vmax=vmax, nbins=nbins, ticks=ticks,
                            labels=labels, offset=fmt.get_offset()))
    return out


def minor_cases():
    out = []
    for vmin, vmax in [(0, 1), (0, 10), (-3.7, 12.2), (0, 2.5), (0.0013, 0.0021), (0, 40)]:
        for nbins in (5, 9):
            fig, ax = plt.subplots()
            ax.set_xlim(vmin, vmax)
            ax.xaxis.set_major_locator(mticker.MaxNLocator(nbins=nbins, steps=STEPS))
            ax.xaxis.set_minor_locator(mticker.AutoMinorLocator())
            minor = [float(t) for t in ax.xaxis.get_minor_locator()()]
            major = [float(t) for t in ax.xaxis.get_major_locator()()]
            plt.close(fig)
            out.append(dict(vmin=vmin, vmax=vmax, nbins=nbins, major=major, minor=minor))
    return out


def log_cases():
    out = []
    for vmin, vmax in [(1, 10), (1, 1000), (0.01, 100), (3, 70), (1e-5, 1e5), (1e-12, 1e12),
                       (2e-3, 4e8), (1.5, 8.5), (10, 1e15), (0.3, 3e4)]:
        for numticks in (3, 5, 9):
            major = mticker.LogLocator(base=10, numticks=numticks).tick_values(vmin, vmax)
            minor = mticker.LogLocator(base=10, subs="auto", numticks=numticks).tick_values(vmin, vmax)
            fmt = mticker.LogFormatterSciNotation(base=10)
            fmt.create_dummy_axis()
            fmt.axis.set_view_interval(vmin, vmax)
            labels = [mathtext_to_unicode(fmt(float(t))) for t in major]
            out.append(dict(vmin=vmin, vmax=vmax, numticks=numticks,
                            major=[float(t) for t in major], minor=[float(t) for t in minor],
                            labels=labels))
    return out


def symlog_cases():
    out = []
    for vmin, vmax, linthresh in [(-100, 100, 1), (-1e5, 10, 1), (0, 1e6, 10), (-0.5, 0.5, 1),
                                  (-1e3, -2, 1), (3, 5e4, 1), (-20, 1e8, 0.1)]:
        for numticks in (5, 15):
            loc = mticker.SymmetricalLogLocator(base=10, linthresh=linthresh)
            loc.numticks = numticks
            out.append(dict(vmin=vmin, vmax=vmax, linthresh=linthresh, numticks=numticks,
                            ticks=[float(t) for t in loc.tick_values(vmin, vmax)]))
    return out


def date_cases():
    base = dt.datetime(2012, 3, 5, 13, 17, 41, tzinfo=UTC)
    spans = [
        ("2 microseconds", dt.timedelta(microseconds=2)),
        ("300 microseconds", dt.timedelta(microseconds=300)),
        ("100 ms", dt.timedelta(milliseconds=100)),
        ("1 s", dt.timedelta(seconds=1)),
        ("10 s", dt.timedelta(seconds=10)),
        ("1 minute", dt.timedelta(minutes=1)),
        ("10 minutes", dt.timedelta(minutes=10)),
        ("1 hour", dt.timedelta(hours=1)),
        ("6 hours", dt.timedelta(hours=6)),
        ("1 day", dt.timedelta(days=1)),
        ("3 days", dt.timedelta(days=3)),
        ("2 weeks", dt.timedelta(days=14)),
        ("40 days", dt.timedelta(days=40)),
        ("2 months", dt.timedelta(days=61)),
        ("6 months", dt.timedelta(days=183)),
        ("1 year", dt.timedelta(days=365)),
        ("3 years", dt.timedelta(days=3 * 365 + 1)),
        ("10 years", dt.timedelta(days=3652)),
        ("30 years", dt.timedelta(days=30 * 365 + 7)),
        ("200 years", dt.timedelta(days=200 * 365)),
    ]
    starts = [base, dt.datetime(1999, 12, 31, 22, 0, tzinfo=UTC), dt.datetime(1970, 1, 1, tzinfo=UTC)]
    out = []
    for label, span in spans:
        for start in starts:
            for maxticks in (None, 6):
                end = start + span
                loc = mdates.AutoDateLocator(maxticks=None if maxticks is None else
                                             {f: min(v, maxticks) for f, v in
                                              mdates.AutoDateLocator().maxticks.items()})
                nums = loc.tick_values(start, end)
                fmt = mdates.ConciseDateFormatter(loc)
                labels = fmt.format_ticks(nums)
                secs = [round(float(n) * 86400.0, 6) for n in nums]
                out.append(dict(name=label, start=start.timestamp(), end=end.timestamp(),
                                maxticks=maxticks, ticks=secs, labels=labels,
                                offset=fmt.get_offset()))
    return out


def autoscale_cases():
    datasets = [[5.0], [0.0], [-3.0], [1.0, 2.0, 3.0], [1e6, 1e6], [0.001, 1000.0],
                [-7.5, 2.25], [2.0, 2.0, 2.0], [1e-9, 3e-9]]
    out = []
    for scale in ("linear", "log"):
        for data in datasets:
            if scale == "log" and min(data) <= 0:
                continue
            fig, ax = plt.subplots()
            ax.set_xscale(scale)
            ax.plot(data, [1.0] * len(data))
            lo, hi = ax.get_xlim()
            plt.close(fig)
            out.append(dict(scale=scale, data=data, limits=[float(lo), float(hi)]))
    return out


def histogram_cases():
    rng = np.random.default_rng(7)
    datasets = {
        "normal200": np.round(rng.normal(10, 3, 200), 6),
        "uniform50": np.round(rng.uniform(-1, 1, 50), 6),
        "skewed1000": np.round(rng.exponential(2.0, 1000), 6),
        "small": np.array([1.0, 2.0, 2.0, 3.0, 10.0]),
        "constant": np.array([4.0, 4.0, 4.0]),
        "single": np.array([0.5]),
    }
    out = []
    for name, data in datasets.items():
        for rule in ("auto", "sturges", "fd", "sqrt", 7):
            edges = np.histogram_bin_edges(data, bins=rule)
            counts, _ = np.histogram(data, bins=edges)
            out.append(dict(name=name, data=[float(v) for v in data], rule=rule,
                            edges=[float(e) for e in edges], counts=[int(c) for c in counts]))
    return out


def main():
    doc = dict(
        generator="make_expected.py",
        matplotlib=matplotlib.__version__,
        numpy=np.__version__,
        linear=linear_cases(),
        minor=minor_cases(),
        log=log_cases(),
        symlog=symlog_cases(),
        dates=date_cases(),
        autoscale=autoscale_cases(),
        histogram=histogram_cases(),
    )
    with open("expected.json", "w") as f:
        json.dump(doc, f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
