"""Runs benchmark code in a real Jupyter kernel and returns the JSON it prints after `RESULT `.

Shared by bench_live.py and bench_arrays.py: the kernel is started with jupyter_client (as a
notebook front end starts it), the code runs as one cell, and its `RESULT {...}` stream line is
the measurement.
"""
import json
import sys

from jupyter_client.manager import start_new_kernel


def run_in_kernel(code, timeout):
    """The dict printed as `RESULT {json}` by `code` run as one cell; exits on a kernel error."""
    km, kc = start_new_kernel(kernel_name="python3")
    try:
        out = []
        reply = kc.execute_interactive(code, timeout=timeout, output_hook=lambda msg: out.append(msg))
        if reply["content"]["status"] != "ok":
            sys.exit("kernel error: " + "\n".join(reply["content"].get("traceback", [])))
        text = "".join(m["content"].get("text", "") for m in out if m["msg_type"] == "stream")
        return json.loads(text[text.index("RESULT ") + 7:].splitlines()[0])
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
