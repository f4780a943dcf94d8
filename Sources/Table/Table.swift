// Table: the data layer of Plotline. Tables come in as CSV / TSV, JSON Lines, a JSON array of
// records, a Hugging Face `trainer_state.json`, a NumPy `.npy` array or a run log (TensorBoard
// event files and MLflow runs, through RunLogs), and leave as a `DataTable` of typed columns
// (numbers, times, categories) that FigureSpec and the chart layer read. The module also owns
// what reading needs around the parsers: the table of file kinds (`FileKind`), confined and
// fingerprinted reads of watched files, followers of growing files, and the documented
// `ResourceLimits`. It imports no drawing module and not Chart (calendar arithmetic comes from
// Dates), so anything that reads data can use it without linking the renderer.
//
// Design. CSV is parsed straight from the byte buffer: field boundaries are found on bytes
// (RFC 4180 quoting), and while a column is numeric each field is parsed as a number where it
// stands, with our own float parser (Clinger's fast path, `strtod` for the rare hard cases),
// so an all-numeric file never makes a String per cell. A column's first non-number switches it
// to keeping raw byte offsets, and it is typed at the end (time if every value is a date, else
// category), which keeps the hot loop to one branch per field. JSON is read by a small
// recursive-descent parser of our own into records, flattened with dotted key paths.
//
// Measured (release, one core, this 2-core VM, `.build/release/plotline-csv-bench
// /tmp/benchdata/huge.csv 21`, W3 file 16.3 MB, 1M rows x 2 numeric columns): median 29.5 ms
// = 550 MB/s, against polars' single-thread 624 MB/s and numpy.loadtxt's 226 MB/s
// (../shared/bench/floors-2026-11-25.md). Two measured choices got there from 356 MB/s: column
// buffers sized from a SIMD count of line breaks and written in place (no Array.append, no
// copy), and transparent huge pages on them (4 KB page faults were ~20% of the time). The
// division in Clinger's path costs about 1 ms of the 30. JSON Lines, 100k rows: 110 ms.
//
// Credits: RFC 4180 for the grammar; the number fast path after W. D. Clinger, "How to read
// floating point numbers accurately" (1990), as used first in fast_float / simdjson; the
// delimiter sniffing after Python's csv.Sniffer (consistent per-line counts); dates after
// Howard Hinnant's days_from_civil.
