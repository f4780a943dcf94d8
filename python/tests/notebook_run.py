"""Running a notebook through a real kernel (nbclient + ipykernel) and keeping every iopub message.

nbclient reads the kernel's iopub stream cell by cell and drops messages whose parent is not the
running cell (for example comm messages a background thread sent between two cells). The
RecordingClient keeps every message it reads, in stream order, so a test can see each image
update the kernel sent, where it sits relative to each cell's start and end, and its bytes.
"""

import re

import nbformat
from nbclient import NotebookClient
from nbclient.util import ensure_async

_VERSION = re.compile(r"version (\d+)")


class RecordingClient(NotebookClient):
    """A NotebookClient that records every iopub message in the order the kernel sent them."""

    def __init__(self, nb, **kwargs):
        super().__init__(nb, **kwargs)
        self.messages = []

    async def async_start_new_kernel_client(self):
        kc = await super().async_start_new_kernel_client()
        original = kc.iopub_channel.get_msg

        async def recording(*args, **kwargs):
            msg = await ensure_async(original(*args, **kwargs))
            self.messages.append(msg)
            return msg

        kc.iopub_channel.get_msg = recording
        return kc


def run_notebook(cells, cwd, timeout=90):
    """Execute code `cells` in a fresh python3 kernel; return (notebook, iopub messages)."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source) for source in cells]
    client = RecordingClient(nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(cwd)}})
    client.execute()
    return nb, client.messages


class Stream:
    """Positions of interest in a recorded iopub stream."""

    def __init__(self, messages, cells):
        self.messages = messages
        self.cell_of = {}
        for msg in messages:
            if msg["msg_type"] == "execute_input":
                code = msg["content"]["code"]
                self.cell_of[msg["parent_header"]["msg_id"]] = cells.index(code)
        image_comms, text_comms = set(), set()
        for msg in messages:
            if msg["msg_type"] == "comm_open":
                model = msg["content"]["data"].get("state", {}).get("_model_name")
                if model == "ImageModel":
                    image_comms.add(msg["content"]["comm_id"])
                elif model == "HTMLModel":
                    text_comms.add(msg["content"]["comm_id"])
        self.image_comms = image_comms
        self.text_comms = text_comms

    def cell_end(self, index):
        """Stream position of the `index`-th cell's final status: idle."""
        for pos, msg in enumerate(self.messages):
            if (msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle"
                    and self.cell_of.get(msg["parent_header"].get("msg_id")) == index):
                return pos
        raise AssertionError(f"cell {index} never went idle")

    def printed(self, text):
        """Stream position of the first stdout message containing `text`."""
        for pos, msg in enumerate(self.messages):
            if msg["msg_type"] == "stream" and text in msg["content"]["text"]:
                return pos
        raise AssertionError(f"{text!r} was never printed")

    def captions(self):
        """[(position, version)] of every status-line update whose caption names a version."""
        out = []
        for pos, msg in enumerate(self.messages):
            if msg["msg_type"] == "comm_msg" and msg["content"]["comm_id"] in self.text_comms:
                match = _VERSION.search(msg["content"]["data"].get("state", {}).get("value") or "")
                if match:
                    out.append((pos, int(match.group(1))))
        return out

    def image_updates(self):
        """[(position, version, png bytes)] of every comm update that set an Image's value.

        The version is the one the status line's caption names in the first caption update
        after the image (the figure sets the image, then the caption, under one lock); None
        when no caption follows before the next image.
        """
        captions = self.captions()
        out = []
        for pos, msg in enumerate(self.messages):
            if msg["msg_type"] != "comm_msg" or msg["content"]["comm_id"] not in self.image_comms:
                continue
            data = msg["content"]["data"]
            if data.get("method") != "update" or ["value"] not in data.get("buffer_paths", []):
                continue
            index = data["buffer_paths"].index(["value"])
            out.append([pos, None, bytes(msg["buffers"][index])])
        for i, update in enumerate(out):
            limit = out[i + 1][0] if i + 1 < len(out) else len(self.messages)
            update[1] = next((v for p, v in captions if update[0] < p < limit), None)
        return [tuple(u) for u in out]
