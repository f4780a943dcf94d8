// CSV and JSON Lines parsing throughput of the Table module, release build, one core.
//
//   swift build -c release --product plotline-csv-bench
//   .build/release/plotline-csv-bench [/tmp/benchdata/huge.csv] [runs]
//
// The file is read once; each run parses the same bytes into a DataTable. Prints the median
// and the range of the runs in ms and MB/s. The W3 file comes from
// `python3 ../shared/bench/gen_data.py /tmp/benchdata` (1M rows, `step,value`, 16.3 MB).
import Foundation
import Table

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func time(runs: Int, _ body: () throws -> Void) rethrows -> [Double] {
    var result: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        result.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    return result
}

func report(_ name: String, bytes: Int, _ ms: [Double]) {
    let mb = Double(bytes) / 1e6
    let med = median(ms)
    let line = String(
        format: "%@: %.1f MB, median %.2f ms = %.0f MB/s (min %.2f ms, max %.2f ms, %d runs)",
        name, mb, med, mb / (med / 1000), ms.min()!, ms.max()!, ms.count)
    print(line)
}

let arguments = CommandLine.arguments
let path = arguments.count > 1 ? arguments[1] : "/tmp/benchdata/huge.csv"
let runs = arguments.count > 2 ? Int(arguments[2]) ?? 15 : 15

do {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    var checksum = 0.0
    _ = try CSVReader.parse(bytes: data, source: path)  // warm-up
    let ms = try time(runs: runs) {
        let table = try CSVReader.parse(bytes: data, source: path)
        if let numeric = table.columns.last(where: { $0.kind == .number }) {
            checksum += try table.numbers(named: numeric.name).reduce(0, +)
        }
    }
    let table = try CSVReader.parse(bytes: data, source: path)
    print("\(path): \(table.rowCount) rows, columns \(table.columnNames), checksum \(checksum / Double(runs))")
    report("CSV parse", bytes: data.count, ms)

    // JSON Lines: 100k rows of a training log, with keys that appear every tenth row.
    var jsonl = ""
    for step in 0..<100_000 {
        var line = "{\"step\": \(step), \"loss\": \(1.0 / Double(step + 1)), \"lr\": 0.0003"
        if step % 10 == 0 { line += ", \"eval\": {\"loss\": \(2.0 / Double(step + 1)), \"accuracy\": 0.5}" }
        jsonl += line + "}\n"
    }
    let jsonBytes = Array(jsonl.utf8)
    let jsonMs = try time(runs: max(3, runs / 3)) {
        let table = try JSONTableReader.parse(bytes: jsonBytes, source: "bench.jsonl")
        checksum += Double(table.rowCount)
    }
    report("JSON Lines parse (100k rows)", bytes: jsonBytes.count, jsonMs)

} catch {
    print("error: \(error)")
    exit(1)
}
