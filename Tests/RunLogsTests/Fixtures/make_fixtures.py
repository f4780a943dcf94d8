"""Writes the RunLogs test fixtures with the real writers, and what TensorBoard reads back.

Run from this folder in a virtual environment with tensorboardX, tensorboard and mlflow-skinny:

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install tensorboardX tensorboard mlflow-skinny
    /tmp/venv/bin/python make_fixtures.py

It (re)creates:
- tb/logs/: a TensorBoard log directory. `run_a` written by tensorboardX's SummaryWriter
  (simple_value scalars `train/loss`, `val/loss`, `train/accuracy`, `lr`, plus a histogram and a
  text summary that a scalar reader skips); `run_b` by tensorboardX in two files (a resumed run);
  `images_only` with no scalar at all.
- tb/keras/: `train` and `validation` written by tensorboard's own EventFileWriter with TF2-style
  scalars (a rank-0 float or double tensor with the `scalars` plugin's metadata), as Keras'
  TensorBoard callback writes them.
- tb/expected.json: every scalar as tensorboard's EventAccumulator reads it, per log directory,
  run and tag:
  [[wall_time, step, value], ...], to cross-check the Swift reader.
- mlruns/: an MLflow file store made by mlflow-skinny: experiment 0 with two named runs (params
  lr and seed, metrics loss and val_loss by step).
Timestamps are pinned where the writers allow it so that the files are reproducible in content.
"""
import json
import os
import shutil
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def tensorboardx_runs(logs):
    import numpy as np
    from tensorboardX import SummaryWriter

    w = SummaryWriter(os.path.join(logs, "run_a"), filename_suffix=".a")
    t0 = 1_700_000_000.0
    for step in range(0, 50):
        loss = 2.0 * 0.95 ** step + 0.05
        w.add_scalar("train/loss", loss, step, walltime=t0 + step)
        w.add_scalar("lr", 0.1 * 0.9 ** (step // 10), step, walltime=t0 + step)
        if step % 5 == 4:
            w.add_scalar("val/loss", loss * 1.1 + 0.02, step, walltime=t0 + step + 0.5)
            w.add_scalar("train/accuracy", 1 - loss / 2.2, step, walltime=t0 + step + 0.5)
    w.add_histogram("weights", np.linspace(-1, 1, 100), 49, walltime=t0 + 50)
    w.add_text("notes", "a text summary", 49, walltime=t0 + 50)
    w.close()

    # A resumed run: two event files in one folder, the second continuing the steps.
    for part, (lo, hi) in enumerate([(0, 30), (30, 50)]):
        w = SummaryWriter(os.path.join(logs, "run_b"), filename_suffix=".b%d" % part)
        for step in range(lo, hi):
            loss = 1.6 * 0.93 ** step + 0.08
            t = t0 + 100 + part * 1000 + step
            w.add_scalar("train/loss", loss, step, walltime=t)
            w.add_scalar("lr", 0.05, step, walltime=t)
            if step % 5 == 4:
                w.add_scalar("val/loss", loss * 1.2, step, walltime=t + 0.5)
                w.add_scalar("train/accuracy", 1 - loss / 1.9, step, walltime=t + 0.5)
        w.close()


def keras_run(logs):
    """TF2-style scalars as Keras' TensorBoard callback lays them out: runs `train` and
    `validation`, tags `epoch_loss` / `epoch_accuracy`, each value a rank-0 tensor with the scalars
    plugin's metadata on a tag's first value only. Float in float_val, double in double_val, and
    float packed in tensor_content as TensorFlow itself writes it."""
    import struct

    from tensorboard.compat.proto import event_pb2, summary_pb2, tensor_pb2, types_pb2
    from tensorboard.plugins.scalar import metadata
    from tensorboard.summary.writer.event_file_writer import EventFileWriter

    meta = metadata.create_summary_metadata(display_name="", description="")
    t0 = 1_700_000_500.0
    for run, scale in [("train", 1.0), ("validation", 1.15)]:
        w = EventFileWriter(os.path.join(logs, run), filename_suffix=".v2")
        for epoch in range(12):
            loss = (1.2 * 0.8 ** epoch + 0.1) * scale
            first = epoch == 0
            if run == "train":
                loss_t = tensor_pb2.TensorProto(dtype=types_pb2.DT_FLOAT, float_val=[loss])
            else:
                loss_t = tensor_pb2.TensorProto(dtype=types_pb2.DT_FLOAT, tensor_content=struct.pack("<f", loss))
            acc_t = tensor_pb2.TensorProto(dtype=types_pb2.DT_DOUBLE, double_val=[1 - loss / 1.4])
            values = [
                summary_pb2.Summary.Value(tag="epoch_loss", tensor=loss_t, metadata=meta if first else None),
                summary_pb2.Summary.Value(tag="epoch_accuracy", tensor=acc_t, metadata=meta if first else None),
            ]
            w.add_event(event_pb2.Event(wall_time=t0 + epoch * 10, step=epoch, summary=summary_pb2.Summary(value=values)))
        w.close()


def images_only_run(logs):
    import numpy as np
    from tensorboardX import SummaryWriter

    w = SummaryWriter(os.path.join(logs, "images_only"), filename_suffix=".img")
    for step in range(3):
        w.add_image("sample", np.zeros((3, 4, 4), dtype=np.uint8), step, walltime=1_700_000_900.0 + step)
    w.close()


def expected(logs):
    from tensorboard.backend.event_processing import event_accumulator as ea

    out = {}
    for run in sorted(os.listdir(logs)):
        acc = ea.EventAccumulator(os.path.join(logs, run), size_guidance={ea.SCALARS: 0, ea.TENSORS: 0})
        acc.Reload()
        tags = {}
        for tag in acc.Tags()["scalars"]:
            tags[tag] = [[e.wall_time, e.step, e.value] for e in acc.Scalars(tag)]
        import tensorboard.util.tensor_util as tu
        for tag in acc.Tags()["tensors"]:
            if acc.SummaryMetadata(tag).plugin_data.plugin_name != "scalars":
                continue  # text and other tensor summaries are not scalars
            tags[tag] = [[e.wall_time, e.step, float(tu.make_ndarray(e.tensor_proto))] for e in acc.Tensors(tag)]
        out[run] = tags
    return out


def mlflow_store(root):
    os.environ["MLFLOW_ALLOW_FILE_STORE"] = "true"  # mlflow 3 keeps the file store behind this switch
    import mlflow

    mlflow.set_tracking_uri("file:" + root)
    for name, lr, seed in [("baseline", 0.1, 1), ("low-lr", 0.01, 2)]:
        with mlflow.start_run(run_name=name, experiment_id="0"):
            mlflow.log_params({"lr": lr, "seed": seed})
            for step in range(20):
                loss = 1.5 * (1 - lr) ** (step * 3) + 0.05 * seed
                mlflow.log_metric("loss", loss, step=step, timestamp=1_700_000_000_000 + step * 1000)
                if step % 4 == 3:
                    mlflow.log_metric("val_loss", loss * 1.1, step=step, timestamp=1_700_000_000_500 + step * 1000)


def main():
    os.chdir(HERE)
    for d in ["tb", "mlruns"]:
        shutil.rmtree(d, ignore_errors=True)
    logs = os.path.join("tb", "logs")
    os.makedirs(logs)
    tensorboardx_runs(logs)
    images_only_run(logs)
    keras = os.path.join("tb", "keras")
    keras_run(keras)
    with open(os.path.join("tb", "expected.json"), "w") as f:
        json.dump({"logs": expected(logs), "keras": expected(keras)}, f, sort_keys=True)
    mlflow_store(os.path.abspath("mlruns"))
    print("wrote", HERE)


if __name__ == "__main__":
    sys.exit(main())
