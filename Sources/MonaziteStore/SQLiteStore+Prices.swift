import GRDB
public import MonazitePrices

extension SQLiteStore: PriceStore {
    public func importPriceQuotes(_ quotes: [PriceObservation], file: String) throws -> ImportReport {
        let documents = try quotes.map(PriceQuoteEncoding.document)
        return try write { db in
            var report = ImportReport(file: file, format: "prices")
            report.rowsRead = quotes.count
            try db.execute(
                sql: "INSERT INTO import_batch (file, format, imported_at, row_count) VALUES (?, 'prices', ?, 0)",
                arguments: [file, SQLiteStore.now()])
            let batchID = db.lastInsertedRowID
            for (q, document) in zip(quotes, documents) {
                let k = PriceQuoteEncoding.key(q)
                let arguments: StatementArguments = [k.date, k.product, k.basis, k.publisher, k.url]
                if let stored = try String.fetchOne(
                    db, sql: "SELECT document FROM price_quote WHERE date = ? AND product = ? AND basis = ? AND publisher = ? AND url = ?",
                    arguments: arguments)
                {
                    guard stored == document else { throw StoreError.conflict(PriceQuoteEncoding.conflict(q, file: file)) }
                    report.unchanged += 1
                    continue
                }
                try db.execute(
                    sql: "INSERT INTO price_quote (date, product, basis, publisher, url, document, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    arguments: arguments + [document, batchID])
                report.inserted += 1
            }
            guard report.inserted > 0 else { return (report, false) }
            try db.execute(sql: "UPDATE import_batch SET row_count = ? WHERE id = ?", arguments: [report.inserted, batchID])
            report.batchID = batchID
            return (report, true)
        }
    }

    public func priceQuotes() throws -> [PriceObservation] {
        let documents = try pool.read { db in
            try String.fetchAll(db, sql: "SELECT document FROM price_quote ORDER BY date, product, basis, publisher, url")
        }
        return try documents.map(PriceQuoteEncoding.quote)
    }
}
