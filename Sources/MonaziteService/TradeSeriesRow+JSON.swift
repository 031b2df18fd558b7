public import MonaziteCore

extension TradeSeriesRow {
    /// The JSON contract of PRODUCT.md section 4: numbers not available are null, with reasons in `notes`.
    public var json: [String: Any] {
        [
            "period": period.description,
            "quantity_t": Format.json(quantityTonnes.value),
            "value_usd": Format.json(valueUSD),
            "unit_value_usd_per_kg": Format.json(unitValueUSDPerKg.value),
            "mom_pct": Format.json(momPct.value, places: 1000),
            "yoy_pct": Format.json(yoyPct.value, places: 1000),
            "ytd_t": Format.json(ytdTonnes.value),
            "ytd_yoy_pct": Format.json(ytdYoYPct.value, places: 1000),
            "rolling_3m_t": Format.json(rolling3Tonnes.value),
            "rolling_12m_t": Format.json(rolling12Tonnes.value),
            "reported_mom_pct": Format.json(reportedMoMPct),
            "reported_yoy_pct": Format.json(reportedYoYPct),
            "status": status?.rawValue ?? NSNullValue.null,
            "source": sources.isEmpty ? NSNullValue.null : sources.map(\.source).joined(separator: "; "),
            "sources": sources.map(\.json),
            "notes": notes,
        ]
    }

    public var cells: [String] {
        [
            period.description, Format.tonnes(quantityTonnes.value), Format.pct(momPct.value), reportedMoMPct.map { Format.pct($0) } ?? "",
            Format.pct(yoyPct.value), reportedYoYPct.map { Format.pct($0) } ?? "", Format.tonnes(ytdTonnes.value, decimals: 0),
            Format.pct(ytdYoYPct.value), status?.rawValue ?? "missing", sources.first?.source ?? "",
        ]
    }

    public static let columns = ["period", "tonnes", "MoM", "(published)", "YoY", "(published)", "YTD t", "YTD YoY", "status", "source"]
}

extension Provenance {
    public var json: [String: Any] {
        ["source": source, "url": url ?? NSNullValue.null, "release": release?.description ?? NSNullValue.null]
    }
    /// "Source, release <url>": one line that says where a figure comes from.
    public var citation: String {
        var s = source
        if let release { s += ", \(release)" }
        if let url { s += " <\(url)>" }
        return s
    }
}

/// `NSNull` without importing Foundation in every file.
public enum NSNullValue { public static var null: Any { Format.json(nil) } }
