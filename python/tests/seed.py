"""The seed notebook: README's first notebook example, read from README so tests run exactly it.

The example is the ```python block after the ``<!-- seed notebook`` marker; ``# %%`` lines
start its cells (the convention of Jupytext and VS Code).
"""

import os

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MARKER = "<!-- seed notebook"


def seed_cells(readme=os.path.join(REPO, "README.md")):
    """The seed notebook's cells, as source strings."""
    with open(readme, encoding="utf-8") as f:
        text = f.read()
    start = text.index(MARKER)
    start = text.index("```python\n", start) + len("```python\n")
    block = text[start:text.index("```", start)]
    cells, current = [], []
    for line in block.splitlines():
        if line.startswith("# %%") and current:
            cells.append("\n".join(current).strip() + "\n")
            current = []
        current.append(line)
    if current:
        cells.append("\n".join(current).strip() + "\n")
    return cells
