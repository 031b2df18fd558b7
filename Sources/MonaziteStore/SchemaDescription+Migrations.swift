/// The migrations, from v1, as one description (see ``SchemaDescription``). Encodings: months as
/// `YYYYMM` integers, release dates and days as `YYYYMMDD` integers (0 when a source gives none),
/// timestamps as ISO 8601 text. Never edit an applied migration: add one.
extension SchemaDescription {
    public static let migrations: [Migration] = [
        Migration(
            identifier: "v1",
            steps: [
                .createTable(
                    Table(
                        name: "source",
                        columns: [
                            .id, .text("name", notNull: true, check: "length(trim(name)) > 0"), .text("url", notNull: true, default: "''"),
                        ],
                        constraints: [.unique(["name", "url"])])),
                .createTable(
                    Table(
                        name: "import_batch",
                        columns: [
                            .id, .text("file", notNull: true), .text("format", notNull: true), .text("imported_at", notNull: true),
                            .bigint("row_count", notNull: true, check: "row_count >= 0"),
                        ],
                        constraints: [])),
                .createTable(
                    Table(
                        name: "series",
                        columns: [
                            .id, .text("reporter", notNull: true, check: "length(reporter) = 3"),
                            .text("partner", notNull: true, check: "length(partner) = 3"),
                            .text("flow", notNull: true, check: "flow IN ('export', 'import', 're-export', 're-import')"),
                            .text("commodity", notNull: true, check: "length(commodity) = 6"),
                        ],
                        constraints: [.unique(["reporter", "partner", "flow", "commodity"])])),
                .createTable(
                    Table(
                        name: "observation",
                        columns: [
                            .id, .reference("series_id", "series"),
                            .integer("first_month", notNull: true, check: "first_month % 100 BETWEEN 1 AND 12"),
                            .integer("last_month", notNull: true, check: "last_month % 100 BETWEEN 1 AND 12 AND last_month >= first_month"),
                            .integer("release", notNull: true, default: "0", check: "release = 0 OR release BETWEEN 10000101 AND 99991231"),
                            .real("quantity_t", check: "quantity_t IS NULL OR quantity_t >= 0"),
                            .real("value_usd", check: "value_usd IS NULL OR value_usd >= 0"),
                            .text("status", notNull: true, check: "status IN ('reported', 'derived', 'estimate')"),
                            .reference("source_id", "source"), .reference("batch_id", "import_batch"),
                            .real("reported_mom_pct"), .real("reported_yoy_pct"), .text("national_code"), .text("note"),
                        ],
                        constraints: [
                            .check(.sql("quantity_t IS NOT NULL OR value_usd IS NOT NULL")),
                            .unique(["series_id", "first_month", "last_month", "release"]),
                        ])),
                .createTable(
                    Table(
                        name: "salient_statistic",
                        columns: [
                            .id, .text("edition", notNull: true), .text("country", notNull: true, check: "length(country) = 3"),
                            .text("commodity_name", notNull: true), .text("section", notNull: true),
                            .text("subsection", notNull: true, default: "''"), .text("item", notNull: true), .text("unit", notNull: true),
                            .text("footnote"), .integer("year", notNull: true, check: "year BETWEEN 1900 AND 2100"),
                            .integer("is_estimated", notNull: true, check: "is_estimated IN (0, 1)"), .text("text", notNull: true),
                            .real("value"), .reference("source_id", "source"), .reference("batch_id", "import_batch"),
                        ],
                        constraints: [.unique(["edition", "country", "commodity_name", "section", "subsection", "item", "year"])])),
                .createTable(
                    Table(
                        name: "indicator",
                        columns: [
                            .id,
                            .text("measure", notNull: true, check: "measure IN ('production', 'reserves', 'stage_share', 'import_source_share')"),
                            .text("country", notNull: true, check: "length(country) = 3"),
                            .text("importer", notNull: true, default: "''"), .text("stage", notNull: true, default: "''"),
                            .text("scope", notNull: true), .integer("first_month", notNull: true),
                            .integer("last_month", notNull: true, check: "last_month >= first_month"), .real("value"), .text("text"),
                            .text("unit", notNull: true), .text("status", notNull: true, check: "status IN ('reported', 'derived', 'estimate')"),
                            .text("dataset", notNull: true), .text("edition", notNull: true), .reference("source_id", "source"),
                            .reference("batch_id", "import_batch"), .text("note"),
                        ],
                        constraints: [
                            .check(.sql("value IS NOT NULL OR text IS NOT NULL")),
                            .unique(["measure", "country", "importer", "stage", "scope", "first_month", "last_month", "dataset", "edition"]),
                        ])),
                .createIndex(Index(name: "series_by_reporter", table: "series", columns: ["reporter", "flow", "commodity"])),
                // SQLite's ON DELETE-less foreign keys need no index; PostgreSQL reads by source often.
                .createIndex(Index(name: "observation_by_source", table: "observation", columns: ["source_id"], dialects: [.postgres])),
            ]),
        Migration(
            identifier: "v2-access-tokens",
            steps: [
                .createTable(
                    Table(
                        name: "access_token",
                        columns: [
                            .id, .text("name", notNull: true, unique: true, check: "length(trim(name)) > 0"),
                            .text("secret_sha256", notNull: true, unique: true, check: "length(secret_sha256) = 64"),
                            .text("created_at", notNull: true), .text("revoked_at"),
                        ],
                        constraints: []))
            ]),
        // Policy events a user imported (the bundled timeline ships with the program and is not
        // stored), kept whole as JSON beside the fields worth querying, and the user's licences.
        Migration(
            identifier: "v3-policy",
            steps: [
                .createTable(
                    Table(
                        name: "policy_event",
                        columns: [
                            SchemaDescription.Column(name: "id", type: .text, primaryKey: true, check: .sql("length(trim(id)) > 0")),
                            .text("kind", notNull: true),
                            .integer("effective", check: "effective IS NULL OR effective BETWEEN 10000101 AND 99991231"),
                            SchemaDescription.Column(name: "document", type: .text, notNull: true, check: .json(column: "document")),
                            .text("file", notNull: true), .text("imported_at", notNull: true),
                        ],
                        constraints: [])),
                .createTable(
                    Table(
                        name: "licence",
                        columns: [
                            .id, .text("holder", notNull: true, check: "length(trim(holder)) > 0"),
                            .text("item_kind", notNull: true, check: "item_kind IN ('element', 'commodity')"),
                            .text("item", notNull: true, check: "length(item) > 0"),
                            .text("destination", notNull: true, check: "length(destination) = 3"),
                            .real("quantity_kg", check: "quantity_kg IS NULL OR quantity_kg >= 0"),
                            .integer("granted", notNull: true, check: "granted BETWEEN 10000101 AND 99991231"),
                            .integer("expires", notNull: true, check: "expires BETWEEN 10000101 AND 99991231 AND expires >= granted"),
                            .text("kind", notNull: true, check: "kind IN ('general', 'single_shipment')"),
                            .text("reference", notNull: true, check: "length(trim(reference)) > 0"), .text("note"),
                            .text("file", notNull: true), .text("created_at", notNull: true),
                        ],
                        constraints: [.unique(["holder", "reference"])])),
                .createIndex(Index(name: "licence_by_expiry", table: "licence", columns: ["expires"])),
            ]),
        Migration(
            identifier: "v4-alerts",
            steps: [
                .createTable(
                    Table(
                        name: "fired_alert",
                        columns: [
                            .id, .text("dedupe_key", notNull: true, unique: true, check: "length(trim(dedupe_key)) > 0"),
                            .text("rule_id", notNull: true, check: "length(trim(rule_id)) > 0"),
                            .text("kind", notNull: true, check: "kind IN ('series_change', 'new_event', 'deadline')"),
                            .text("severity", notNull: true, check: "severity IN ('info', 'warning', 'critical')"),
                            .text("message", notNull: true), .text("url"),
                            .integer("evaluated_for", notNull: true, check: "evaluated_for BETWEEN 10000101 AND 99991231"),
                            .text("fired_at", notNull: true),
                        ],
                        constraints: []))
            ]),
        // Commodities are HS chapters, headings and subheadings, or named customs aggregates (a
        // heading such as 2846 was refused), and a derived figure keeps what it was derived from.
        Migration(
            identifier: "v5-commodity-levels",
            steps: [
                .replaceCheck(table: "series", column: "commodity", .sql("length(commodity) BETWEEN 2 AND 40")),
                .addColumn(table: "observation", .text("derived_from")),
            ]),
        // Simulation jobs submitted over HTTP, kept so that they survive a restart and so that
        // several servers (and workers) share one queue.
        Migration(
            identifier: "v6-simulation-jobs",
            steps: [
                .createTable(
                    Table(
                        name: "simulation_job",
                        columns: [
                            SchemaDescription.Column(name: "id", type: .text, primaryKey: true, check: .sql("length(trim(id)) > 0")),
                            .text("scenario", notNull: true),
                            SchemaDescription.Column(name: "request", type: .text, notNull: true, check: .json(column: "request")),
                            .integer("runs", notNull: true, check: "runs BETWEEN 1 AND 100000"),
                            .bigint("seed", notNull: true, check: "seed >= 0"),
                            .text("state", notNull: true, check: "state IN ('queued', 'running', 'succeeded', 'failed')"),
                            .text("submitted_at", notNull: true), .text("started_at"), .text("finished_at"), .text("worker"),
                            .text("result"), .text("error"),
                        ],
                        constraints: [])),
                .createIndex(Index(name: "simulation_job_by_state", table: "simulation_job", columns: ["state", "submitted_at"])),
            ]),
        // Tokens get a scope (read, write, admin; existing tokens keep the write access they had)
        // and may expire.
        Migration(
            identifier: "v7-token-scopes",
            steps: [
                .addColumn(table: "access_token", .text("scope", notNull: true, default: "'write'", check: "scope IN ('read', 'write', 'admin')")),
                .addColumn(table: "access_token", .text("expires_at")),
            ]),
        // Price quotes imported by users (the bundled quotes ship with the program): one row per
        // publisher's quote of a product on a basis and date, the quote kept whole as JSON.
        Migration(
            identifier: "v8-price-quotes",
            steps: [
                .createTable(
                    Table(
                        name: "price_quote",
                        columns: [
                            .id, .text("date", notNull: true, check: "length(date) BETWEEN 7 AND 10"),
                            .text("product", notNull: true, check: "length(trim(product)) > 0"),
                            .text("basis", notNull: true, check: "length(basis) > 0"),
                            .text("publisher", notNull: true, check: "length(trim(publisher)) > 0"),
                            .text("url", notNull: true), .text("document", notNull: true),
                            .reference("batch_id", "import_batch"),
                        ],
                        constraints: [.unique(["date", "product", "basis", "publisher", "url"])])),
                .createIndex(Index(name: "price_quote_by_date", table: "price_quote", columns: ["date"])),
            ]),
    ]
}

extension SchemaDescription.Column {
    /// `id INTEGER PRIMARY KEY` (SQLite's rowid) / `id BIGINT PRIMARY KEY`.
    static let id = Self(name: "id", type: .bigint, primaryKey: true)

    static func text(_ name: String, notNull: Bool = false, default value: String? = nil, unique: Bool = false, check: String? = nil) -> Self {
        Self(name: name, type: .text, notNull: notNull, defaultValue: value, unique: unique, check: check.map { .sql($0) })
    }

    static func integer(_ name: String, notNull: Bool = false, default value: String? = nil, check: String? = nil) -> Self {
        Self(name: name, type: .integer, notNull: notNull, defaultValue: value, check: check.map { .sql($0) })
    }

    static func bigint(_ name: String, notNull: Bool = false, check: String? = nil) -> Self {
        Self(name: name, type: .bigint, notNull: notNull, check: check.map { .sql($0) })
    }

    static func real(_ name: String, check: String? = nil) -> Self {
        Self(name: name, type: .real, check: check.map { .sql($0) })
    }

    /// A required reference to the `id` of `table`.
    static func reference(_ name: String, _ table: String) -> Self {
        Self(name: name, type: .bigint, notNull: true, references: table)
    }
}
