import MonaziteService
import Foundation
import MonaziteAnomalies
import MonaziteCore

/// The anomalies of one series as a ``Report``: one row per anomaly with its best-fitting event;
/// every signal and candidate in the notes (text) or the objects (JSON).
struct AnomalyReportView {
    let key: SeriesKey
    let from: Month
    let to: Month
    let report: AnomalyDetector.Report
    let attributed: [AttributedAnomaly]
    let eventCount: Int
    let lagMonths: Int

    static let columns = ["month", "direction", "quantity_t", "methods", "strength", "top_event", "score"]

    var table: Report {
        let rows = attributed.map { a -> [String] in
            let top = a.candidates.first
            return [
                a.anomaly.month.description, a.anomaly.direction.rawValue, Format.tonnes(a.anomaly.value),
                a.anomaly.methods.map(\.rawValue).joined(separator: "+"), String(format: "%.1f", a.anomaly.strength),
                top?.event.instrument ?? "-", top.map { String(format: "%.2f", $0.score) } ?? "-",
            ]
        }
        return Report(
            title:
                "Anomalies in \(key.reporter.name) \(key.flow)s of HS \(key.commodity) to \(key.partner.name), \(from)..\(to) (|z| ≥ \(Self.number(report.threshold)))",
            columns: Self.columns, rows: rows, json: json, notes: notes)
    }

    var notes: [String] {
        var out: [String] = []
        for a in attributed {
            out.append("\(a.anomaly.month) \(a.anomaly.direction.rawValue):")
            out += a.anomaly.signals.map { "  [\($0.method.rawValue)] \($0.text)" }
            for (i, c) in a.candidates.enumerated() {
                out.append(
                    "  #\(i + 1) \(c.event.instrument) (score \(String(format: "%.2f", c.score))): \(c.evidence)\(c.event.url.map { " <\($0)>" } ?? "")"
                )
            }
        }
        if eventCount == 0 {
            out.append("no policy events are available to this command, so no anomaly is linked to one")
        } else {
            out.append(
                "\(eventCount) policy events considered; an event links when its day falls from \(lagMonths) months before the anomaly's month to its end"
            )
        }
        if !report.gaps.isEmpty {
            out.append("months without a figure (left missing): " + report.gaps.map(\.description).joined(separator: ", "))
        }
        let segs = report.segmentation.segments.map { "\($0.first)..\($0.last) ≈ \(Format.tonnes($0.level, decimals: 0)) t" }
        if !segs.isEmpty { out.append("segments (geometric mean): " + segs.joined(separator: "; ")) }
        out += report.segmentation.notes.map { "change points: \($0)" }
        out += Self.reasons(report.mom) + Self.reasons(report.yoy)
        return out
    }

    /// Skipped months grouped by reason, so a long gap reads as one line.
    static func reasons(_ result: LogChangeScorer.Result) -> [String] {
        var order: [String] = []
        var byReason: [String: [Month]] = [:]
        for s in result.skipped {
            let reason = "\(s.measure?.rawValue ?? "level") not scored: \(s.reason)"
            if byReason[reason] == nil { order.append(reason) }
            byReason[reason, default: []].append(s.month)
        }
        return order.map { r in "\(r) (\(byReason[r, default: []].map(\.description).joined(separator: ", ")))" }
    }

    var json: Any {
        [
            "series": [
                "reporter": key.reporter.alpha3, "partner": key.partner.alpha3, "flow": key.flow.rawValue,
                "commodity": key.commodity.description,
            ],
            "from": from.description, "to": to.description, "threshold": report.threshold, "lag_months": lagMonths,
            "events_considered": eventCount,
            "anomalies": attributed.map(Self.json),
            "gaps": report.gaps.map(\.description),
            "segments": report.segmentation.segments.map { s -> [String: Any] in
                [
                    "first": s.first.description, "last": s.last.description, "months": s.count, "mean_log": Format.json(s.meanLog),
                    "level_t": Format.json(s.level),
                ]
            },
            "sigma": Format.json(report.segmentation.sigma), "penalty": Format.json(report.segmentation.penalty),
            "scores": (report.mom.scores + report.yoy.scores).map { s -> [String: Any] in
                [
                    "month": s.month.description, "measure": s.measure.rawValue, "log_change": Format.json(s.logChange),
                    "center": Format.json(s.center),
                    "seasonal": s.isSeasonal, "scale": Format.json(s.scale), "z": Format.json(s.z),
                ]
            },
            "notes": notes,
        ] as [String: Any]
    }

    static func json(_ a: AttributedAnomaly) -> [String: Any] {
        [
            "month": a.anomaly.month.description, "direction": a.anomaly.direction.rawValue, "quantity_t": Format.json(a.anomaly.value),
            "signals": a.anomaly.signals.map {
                ["method": $0.method.rawValue, "statistic": Format.json($0.statistic), "text": $0.text] as [String: Any]
            },
            "candidates": a.candidates.map { c -> [String: Any] in
                [
                    "id": c.event.id, "title": c.event.title, "instrument": c.event.instrument, "day": c.event.day.description,
                    "direction": c.event.direction.rawValue, "score": Format.json(c.score), "timing": Format.json(c.timing),
                    "direction_fit": Format.json(c.direction), "specificity": Format.json(c.specificity), "evidence": c.evidence,
                    "url": c.event.url ?? NSNull(), "source": c.event.source,
                ]
            },
        ]
    }

    static func number(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(v) }
}
