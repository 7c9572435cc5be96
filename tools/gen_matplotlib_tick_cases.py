"""Prints the tick cases of Tests/InterpreterTests/Matplotlib/TickTests.swift: for data
plotted with real matplotlib (Agg, default style), the x and y view limits, the visible
major tick positions and their labels. Run: /work/venv/bin/python tools/gen_matplotlib_tick_cases.py
"""
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

cases = [
    ([0, 1000], [2.31, 0.42], None, "linear"),
    ([1, 3], [4, 5], None, "linear"),
    ([-5, 5], [0, 0.0003], None, "linear"),
    ([0, 37], [1e6, 5e6], None, "linear"),
    ([5, 5], [7, 7], None, "linear"),
    ([0, 1], [-2.5, 17], (12, 4), "linear"),
    ([1, 2], [1, 1000], None, "log"),
    ([0, 99], [2e-5, 2e-7], None, "linear"),
]
for xs, ys, figsize, yscale in cases:
    fig = plt.figure(figsize=figsize or (6.4, 4.8))
    ax = fig.add_subplot(1, 3, 1) if figsize else fig.add_subplot()
    ax.plot(xs, ys)
    ax.set_yscale(yscale)
    fig.canvas.draw()
    def visible(axis, lim):
        lo, hi = sorted(lim)
        ticks = [t for t in axis.get_majorticklocs() if lo - 1e-12 * abs(hi - lo) <= t <= hi + 1e-12 * abs(hi - lo)]
        labels = [t.get_text() for t in axis.get_majorticklabels()
                  if lo - 1e-12 * abs(hi - lo) <= t.get_position()[0 if axis is ax.xaxis else 1] <= hi + 1e-12 * abs(hi - lo)]
        return ticks, labels
    xt, xl = visible(ax.xaxis, ax.get_xlim())
    yt, yl = visible(ax.yaxis, ax.get_ylim())
    # Log labels are mathtext `$\\mathdefault{10^{k}}$`; sftnb's plain form is `10^k`.
    yl = [l.replace("$\\mathdefault{", "").replace("}}$", "").replace("^{", "^") for l in yl]
    multiplier = ax.yaxis.get_offset_text().get_text()
    print(f"        Case(xs: {xs}, ys: {ys}, subplotOfThree: {str(bool(figsize)).lower()}, logY: {str(yscale == 'log').lower()},")
    (x0, x1), (y0, y1) = map(float, ax.get_xlim()), map(float, ax.get_ylim())
    print(f"             xlim: ({x0!r}, {x1!r}), ylim: ({y0!r}, {y1!r}),")
    print(f"             xticks: {[float(t) for t in xt]}, xlabels: {xl!r},".replace("'", '"'))
    print(f"             yticks: {[float(t) for t in yt]}, ylabels: {yl!r}, yMultiplier: {multiplier!r}),".replace("'", '"'))
    plt.close(fig)
