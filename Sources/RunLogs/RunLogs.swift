// RunLogs: the training logs that are not tables — TensorBoard event files and MLflow's file
// store — read into `ScalarLog`s (per tag: steps, wall times, values) without TensorFlow, a
// server, or a protobuf runtime. Table turns a `ScalarLog` into a `DataTable`, so these runs get
// the default figure, run overlay and watch of CSV logs.
//
// Design. Event files are TFRecord streams (length, masked CRC32C of the length, payload, masked
// CRC32C of the payload). `TFRecordScanner` walks the framing on raw bytes and checks both CRCs
// (slicing-by-8 CRC32C); `EventDecoder` reads the dozen `Event` / `Summary` / `TensorProto` fields
// a scalar needs straight from the payload with a bounds-checked wire-format cursor
// (`ProtoReader`), looks the tag up by its bytes (no String per record) and appends to the tag's
// arrays. Both scalar encodings are read: `simple_value` (tensorboardX, PyTorch, TF1) and
// one-element tensors tagged by the `scalars` plugin (TF2, Keras). Anything else is skipped by
// wire type and counted. Followers (`EventFileSet`, `MLflowRun`) keep a byte offset per file and
// read only what was appended; a partial last record or line waits for the writer.
//
// Why a hand decoder and not swift-protobuf: measured on this 2-core machine (other builds
// running), a package that only depends on swift-protobuf 1.39.0 takes 197 s wall / 41 s CPU
// to build in debug (`/usr/bin/time -v swift build`), its runtime is 28,900 lines (1.16 MB) of
// Swift, and the probe binary is 10.3 MB; the generated event/summary/tensor messages would
// add some thousand lines more to commit and regenerate. The decoder here
// is ~250 lines over five messages whose field numbers are frozen by TensorBoard's
// compatibility promise, and it decodes in place (a generated message allocates its strings,
// arrays and sub-messages per record).
//
// Measured (bench/README.md, release, 10⁶ tensorboardX scalar events, 48.4 MB): 683 MB/s of
// one core's CPU time to check and decode, 472 MB/s including the table by step, against
// tensorboard's EventAccumulator at 2.0 MB/s on the same file. CRC-32C was 23% of the scan
// with slicing-by-8 tables; the CPU's CRC instruction (`CCRC32C`, checked at run time) took it
// out of the profile, and the tables remain the fallback.
//
// Credits: the record format from tensorflow/core/lib/io/record_writer.cc and the masking from
// tensorflow/core/lib/hash/crc32c.h; messages from tensorboard/compat/proto/{event,summary,
// tensor}.proto; slicing-by-8 after M. Kounavis and F. Berry (Intel, 2005); the scalar rules
// (plugin metadata once per tag) after TensorBoard's data_compat.py and EventAccumulator; the
// MLflow layout after mlflow/store/tracking/file_store.py.
