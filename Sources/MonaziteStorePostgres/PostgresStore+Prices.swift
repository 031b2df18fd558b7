public import MonazitePrices
public import MonaziteStore
import PostgresNIO

/// Imported price quotes, as `SQLiteStore` keeps them (migration "v8-price-quotes"): the quote whole
/// as canonical JSON beside its identity columns. One transaction per file.
extension PostgresStore: PriceStore {
    public func importPriceQuotes(_ quotes: [PriceObservation], file: String) async throws -> ImportReport {
        let importedAt = Self.now()
        let documents = try quotes.map(PriceQuoteEncoding.document)
        return try await write { conn in
            var report = ImportReport(file: file, format: "prices")
            report.rowsRead = quotes.count
            // The batch row goes first (the quotes refer to it); it is rolled back if nothing is new.
            let batchID = try await Self.insertBatch(conn, file: file, format: "prices", at: importedAt, rowCount: 0, logger: logger)
            var nextID = try await Self.nextID(conn, table: "price_quote", logger: logger)
            for (q, document) in zip(quotes, documents) {
                let k = PriceQuoteEncoding.key(q)
                let stored = try await Self.rows(
                    conn,
                    """
                    SELECT document FROM price_quote
                    WHERE date = \(k.date) AND product = \(k.product) AND basis = \(k.basis) AND publisher = \(k.publisher) AND url = \(k.url)
                    """, logger: logger)
                if let row = stored.first {
                    guard try row.get("document", as: String.self) == document else {
                        throw StoreError.conflict(PriceQuoteEncoding.conflict(q, file: file))
                    }
                    report.unchanged += 1
                    continue
                }
                _ = try await conn.collectIfOpen(
                    """
                    INSERT INTO price_quote (id, date, product, basis, publisher, url, document, batch_id)
                    VALUES (\(nextID), \(k.date), \(k.product), \(k.basis), \(k.publisher), \(k.url), \(document), \(batchID))
                    """, logger: logger
                )
                nextID += 1
                report.inserted += 1
            }
            guard report.inserted > 0 else { return (report, false) }
            _ = try await conn.collectIfOpen("UPDATE import_batch SET row_count = \(report.inserted) WHERE id = \(batchID)", logger: logger)
            report.batchID = batchID
            return (report, true)
        }
    }

    public func priceQuotes() async throws -> [PriceObservation] {
        let rows = try await read { conn in
            try await Self.rows(
                conn, "SELECT document FROM price_quote ORDER BY date COLLATE \"C\", product COLLATE \"C\", basis, publisher, url", logger: logger)
        }
        return try rows.map { row in try PriceQuoteEncoding.quote(document: try row.get("document", as: String.self)) }
    }
}
