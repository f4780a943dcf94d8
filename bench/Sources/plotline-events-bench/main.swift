// TensorBoard event file reading throughput of RunLogs (and the table Table makes of it),
// release build, one core.
//
//   swift build -c release --product plotline-events-bench
//   .build/release/plotline-events-bench /tmp/benchdata/events/run/events.out.tfevents.* [runs]
//
// The file is read into memory once; each run checks every record's two CRC32Cs and decodes
// every Event into a ScalarLog ("scan"), then, separately, also builds the DataTable by step
// ("scan + table"). The file comes from `bench/events/events_bench.py`, which writes 10^6 scalar
// events with tensorboardX and times tensorboard's EventAccumulator on the same file.
import Foundation
import RunLogs
import Table

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

/// This thread's CPU time in ms: on a shared, loaded machine the wall clock counts other
/// processes' time slices too; the thread's own CPU time is what one core spent on the work.
func threadCPU() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) * 1e3 + Double(t.tv_nsec) / 1e6
}

func time(runs: Int, _ body: () throws -> Void) rethrows -> (wall: [Double], cpu: [Double]) {
    var wall: [Double] = [], cpu: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        let startCPU = threadCPU()
        try body()
        cpu.append(threadCPU() - startCPU)
        wall.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    return (wall, cpu)
}

func report(_ name: String, bytes: Int, _ ms: (wall: [Double], cpu: [Double])) {
    let mb = Double(bytes) / 1e6
    let wall = median(ms.wall), cpu = median(ms.cpu)
    print(String(format: "%@: %.1f MB, CPU median %.1f ms = %.0f MB/s (min %.1f ms); wall median %.1f ms = %.0f MB/s (min %.1f ms); %d runs",
                 name, mb, cpu, mb / (cpu / 1000), ms.cpu.min()!, wall, mb / (wall / 1000), ms.wall.min()!, ms.wall.count))
}

let arguments = CommandLine.arguments
guard arguments.count > 1 else {
    print("usage: plotline-events-bench EVENT_FILE [runs]")
    exit(64)
}
let path = arguments[1]
let runs = arguments.count > 2 ? Int(arguments[2]) ?? 9 : 9

do {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    func scan() throws -> ScalarLog {
        var log = ScalarLog()
        let failure: RunLogError? = data.withUnsafeBytes { raw in
            do throws(RunLogError) {
                _ = try TFRecordScanner.scan(raw.baseAddress!, count: raw.count, file: path, into: &log)
            } catch { return error }
            return nil
        }
        if let failure { throw failure }
        return log
    }
    let log = try scan()  // warm-up
    print("\(log.records) records, \(log.pointCount) scalar points, \(log.series.count) tags")
    var checksum = 0.0
    report("scan", bytes: data.count, try time(runs: runs) { checksum += try scan().series[0].values[7] })
    report("scan + table", bytes: data.count, try time(runs: runs) {
        let table = try RunLogTables.eventTable(bytes: data, source: path)
        checksum += Double(table.rowCount)
    })
    print("checksum \(checksum)")
} catch {
    print("error: \(error)")
    exit(1)
}
