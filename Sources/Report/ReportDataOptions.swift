import Chart
import FigureSpec
import Table

/// The `options` of a report figure drawn from data files: the flags of `plotline render`, as JSON.
enum ReportDataOptions {
    /// The keys, named as `plotline render`'s flags (the read options as pandas spells them,
    /// `na_values`: `CSVReadSetting`).
    static let keys = ["x", "y", "by", "facet", "kind", "value", "logx", "logy", "robust", "subplots", "title", "size", "dpi", "theme", "smooth", "aggregate", "band"]
        + CSVReadSetting.allCases.map(\.key)

    /// Decodes an options object into render options.
    static func decode(_ node: ReportSpecNode) throws(ReportSpecError) -> RenderOptions {
        let object = try node.object(keys: keys)
        var o = RenderOptions()
        o.x = try object["x"]?.string()
        o.y = try object["y"]?.strings()
        o.by = try object["by"]?.string()
        o.facet = try object["facet"]?.string()
        if let kind = object["kind"] {
            let k = try kind.string()
            guard let value = SeriesKind(rawValue: k), DefaultFigure.kinds.contains(value) else {
                throw kind.error("expected one of \(DefaultFigure.kinds.map(\.rawValue).joined(separator: ", ")), found \(kind.found)")
            }
            o.kind = value
        }
        o.value = try object["value"]?.string()
        if let value = object["value"], o.kind != .heatmap {
            throw value.error("\"value\" is a heat map's cell value column: give \"kind\": \"heatmap\" too")
        }
        o.logX = try object["logx"]?.bool() ?? false
        o.logY = try object["logy"]?.bool() ?? false
        o.robustY = try object["robust"]?.bool() ?? false
        o.subplots = try object["subplots"]?.bool()
        o.title = try object["title"]?.string()
        if let size = object["size"] { (o.width, o.height) = try decodeSize(size) }
        if let dpi = object["dpi"] {
            o.dpi = try dpi.number()
            do throws(Canvas.Error) { try Canvas.check(dpi: o.dpi) } catch {
                throw dpi.error("expected \(Canvas.dpiRangeText), found \(dpi.found)")
            }
        }
        if let theme = object["theme"] {
            switch try theme.string() {
            case "light": o.theme = .light
            case "dark": o.theme = .dark
            default: throw theme.error("expected one of light, dark, found \(theme.found)")
            }
        }
        if let smooth = object["smooth"] {
            let w = try smooth.number()
            guard w >= 0, w < 1 else { throw smooth.error("expected a smoothing weight in 0..<1, found \(smooth.found)") }
            o.smooth = w
        }
        for setting in CSVReadSetting.allCases {
            guard let value = object[setting.key] else { continue }
            let values = setting == .naValues ? try value.strings() : [try value.string()]
            guard setting.apply(values, to: &o.read) else { throw value.error("expected \(setting.expected), found \(value.found)") }
        }
        if let aggregate = object["aggregate"] {
            let text = try aggregate.string()
            guard let value = SeriesAggregate.Statistic(rawValue: text) else {
                throw aggregate.error("expected one of mean, median, found \(aggregate.found)")
            }
            o.aggregate = value
        }
        if let band = object["band"] {
            let text = try band.string()
            guard let value = SeriesAggregate.Band(rawValue: text) else {
                throw band.error("expected one of std, minmax, ci95, none, found \(band.found)")
            }
            o.band = value
        }
        return o
    }

    /// `[width, height]` or `"WIDTHxHEIGHT"`, in the range of `Canvas`.
    static func decodeSize(_ node: ReportSpecNode) throws(ReportSpecError) -> (Int, Int) {
        var pair: (width: Int, height: Int)?
        switch node.value {
        case .string(let s):
            pair = Canvas.parseSize(s)
        case .array(let a) where a.count == 2:
            let parts = try node.array()
            pair = (try parts[0].integer(), try parts[1].integer())
        default:
            break
        }
        guard let (w, h) = pair, (try? Canvas.check(width: w, height: h)) != nil else {
            throw node.error("expected [width, height] or \"WIDTHxHEIGHT\", \(Canvas.sizeRange), found \(ResourceLimits.describeCanvas(pair) ?? node.found)")
        }
        return (w, h)
    }
}
