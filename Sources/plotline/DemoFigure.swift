import Chart
import FoundationEssentials
import Platform

/// The built-in example figure of `plotline demo`, described as a Chart figure.
///
/// A suptitle over two panels side by side: the training and validation loss of a synthetic
/// 100-epoch run, with a dashed line and a note at the best validation epoch; and 2,000
/// semi-transparent points in two clusters. Fonts and lines scale with the figure (as if its dpi
/// grew), so a small or large demo keeps matplotlib's proportions.
enum DemoFigure {
    static func figure(width: Int, height: Int) -> Figure {
        let run = DemoData.trainingRun()
        let epochs = (0..<run.loss.count).map(Double.init)
        let best = run.valLoss.indices.min { run.valLoss[$0] < run.valLoss[$1] } ?? 0
        let clouds = DemoData.clouds()
        let loss = Panel(
            title: "Loss per epoch", x: AxisSpec(label: "epoch"), y: AxisSpec(label: "loss"),
            series: [Series("loss", x: epochs, y: run.loss), Series("val_loss", x: epochs, y: run.valLoss)],
            legend: .upperRight,
            annotations: [
                .verticalLine(x: Double(best), width: 0.8, dash: Series.dashed),
                // The note sits in the empty space right of the line, halfway up.
                .text(CFormat.string("best val_loss %.3f", run.valLoss[best]),
                      x: Double(best), y: 1.5, dx: 6, dy: 0, marker: false),
            ])
        let scatter = Panel(
            title: "Embedding of 2,000 samples", x: AxisSpec(label: "feature 1"), y: AxisSpec(label: "feature 2"),
            series: [
                Series("cluster A", kind: .scatter, x: clouds.a.map(\.x), y: clouds.a.map(\.y), alpha: 0.45),
                Series("cluster B", kind: .scatter, x: clouds.b.map(\.x), y: clouds.b.map(\.y), alpha: 0.45),
            ],
            legend: .upperLeft)
        let scale = min(Double(width) / 1200, Double(height) / 800)
        return Figure(width: width, height: height, dpi: 100 * max(0.6, scale),
                      title: "Plotline demo: a synthetic training run", panels: [loss, scatter], rows: 1, columns: 2)
    }
}
