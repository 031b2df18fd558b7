import GRDB

/// The store's schema, as migrations from v1. SQLite enforces the invariants: codes have their
/// length, periods are real months, a figure has a quantity or a value, and one series, period
/// and release hold one figure.
///
/// Encodings chosen to be readable in `sqlite3` and fast to compare: months as `YYYYMM`
/// integers, release dates as `YYYYMMDD` integers (0 when the source gives none).
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE source (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                        url TEXT NOT NULL DEFAULT '',
                        UNIQUE (name, url)
                    );
                    CREATE TABLE import_batch (
                        id INTEGER PRIMARY KEY,
                        file TEXT NOT NULL,
                        format TEXT NOT NULL,
                        imported_at TEXT NOT NULL,
                        row_count INTEGER NOT NULL CHECK (row_count >= 0)
                    );
                    CREATE TABLE series (
                        id INTEGER PRIMARY KEY,
                        reporter TEXT NOT NULL CHECK (length(reporter) = 3),
                        partner TEXT NOT NULL CHECK (length(partner) = 3),
                        flow TEXT NOT NULL CHECK (flow IN ('export', 'import', 're-export', 're-import')),
                        commodity TEXT NOT NULL CHECK (length(commodity) = 6),
                        UNIQUE (reporter, partner, flow, commodity)
                    );
                    CREATE TABLE observation (
                        id INTEGER PRIMARY KEY,
                        series_id INTEGER NOT NULL REFERENCES series(id),
                        first_month INTEGER NOT NULL CHECK (first_month % 100 BETWEEN 1 AND 12),
                        last_month INTEGER NOT NULL CHECK (last_month % 100 BETWEEN 1 AND 12 AND last_month >= first_month),
                        release INTEGER NOT NULL DEFAULT 0 CHECK (release = 0 OR release BETWEEN 10000101 AND 99991231),
                        quantity_t REAL CHECK (quantity_t IS NULL OR quantity_t >= 0),
                        value_usd REAL CHECK (value_usd IS NULL OR value_usd >= 0),
                        status TEXT NOT NULL CHECK (status IN ('reported', 'derived', 'estimate')),
                        source_id INTEGER NOT NULL REFERENCES source(id),
                        batch_id INTEGER NOT NULL REFERENCES import_batch(id),
                        reported_mom_pct REAL,
                        reported_yoy_pct REAL,
                        national_code TEXT,
                        note TEXT,
                        CHECK (quantity_t IS NOT NULL OR value_usd IS NOT NULL),
                        UNIQUE (series_id, first_month, last_month, release)
                    );
                    CREATE TABLE salient_statistic (
                        id INTEGER PRIMARY KEY,
                        edition TEXT NOT NULL,
                        country TEXT NOT NULL CHECK (length(country) = 3),
                        commodity_name TEXT NOT NULL,
                        section TEXT NOT NULL,
                        subsection TEXT NOT NULL DEFAULT '',
                        item TEXT NOT NULL,
                        unit TEXT NOT NULL,
                        footnote TEXT,
                        year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2100),
                        is_estimated INTEGER NOT NULL CHECK (is_estimated IN (0, 1)),
                        text TEXT NOT NULL,
                        value REAL,
                        source_id INTEGER NOT NULL REFERENCES source(id),
                        batch_id INTEGER NOT NULL REFERENCES import_batch(id),
                        UNIQUE (edition, country, commodity_name, section, subsection, item, year)
                    );
                    CREATE TABLE indicator (
                        id INTEGER PRIMARY KEY,
                        measure TEXT NOT NULL CHECK (measure IN ('production', 'reserves', 'stage_share', 'import_source_share')),
                        country TEXT NOT NULL CHECK (length(country) = 3),
                        importer TEXT NOT NULL DEFAULT '',
                        stage TEXT NOT NULL DEFAULT '',
                        scope TEXT NOT NULL,
                        first_month INTEGER NOT NULL,
                        last_month INTEGER NOT NULL CHECK (last_month >= first_month),
                        value REAL,
                        text TEXT,
                        unit TEXT NOT NULL,
                        status TEXT NOT NULL CHECK (status IN ('reported', 'derived', 'estimate')),
                        dataset TEXT NOT NULL,
                        edition TEXT NOT NULL,
                        source_id INTEGER NOT NULL REFERENCES source(id),
                        batch_id INTEGER NOT NULL REFERENCES import_batch(id),
                        note TEXT,
                        CHECK (value IS NOT NULL OR text IS NOT NULL),
                        UNIQUE (measure, country, importer, stage, scope, first_month, last_month, dataset, edition)
                    );
                    CREATE INDEX series_by_reporter ON series (reporter, flow, commodity);
                    """)
        }
        migrator.registerMigration("v2-access-tokens") { db in
            try db.execute(
                sql: """
                    CREATE TABLE access_token (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
                        secret_sha256 TEXT NOT NULL UNIQUE CHECK (length(secret_sha256) = 64),
                        created_at TEXT NOT NULL,
                        revoked_at TEXT
                    );
                    """)
        }
        migrator.registerMigration("v3-policy") { db in
            try db.execute(sql: PolicySchema.v3)
        }
        migrator.registerMigration("v4-alerts") { db in
            try db.execute(
                sql: """
                    CREATE TABLE fired_alert (
                        id INTEGER PRIMARY KEY,
                        dedupe_key TEXT NOT NULL UNIQUE CHECK (length(trim(dedupe_key)) > 0),
                        rule_id TEXT NOT NULL CHECK (length(trim(rule_id)) > 0),
                        kind TEXT NOT NULL CHECK (kind IN ('series_change', 'new_event', 'deadline')),
                        severity TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
                        message TEXT NOT NULL,
                        url TEXT,
                        evaluated_for INTEGER NOT NULL CHECK (evaluated_for BETWEEN 10000101 AND 99991231),
                        fired_at TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v5-commodity-levels") { db in
            // Commodities are HS chapters, headings and subheadings, or named customs aggregates
            // (issue: a heading such as 2846 was refused), and a derived figure keeps what it was
            // derived from. SQLite cannot alter a CHECK: the series table is rebuilt, ids kept
            // (GRDB defers foreign-key checks to the end of the migration).
            try db.execute(sql: Self.v5)
        }
        return migrator
    }

    /// Shared with the PostgreSQL schema's wording: commodity codes of 2 to 40 characters.
    static let v5 = """
        CREATE TABLE series_v5 (
            id INTEGER PRIMARY KEY,
            reporter TEXT NOT NULL CHECK (length(reporter) = 3),
            partner TEXT NOT NULL CHECK (length(partner) = 3),
            flow TEXT NOT NULL CHECK (flow IN ('export', 'import', 're-export', 're-import')),
            commodity TEXT NOT NULL CHECK (length(commodity) BETWEEN 2 AND 40),
            UNIQUE (reporter, partner, flow, commodity)
        );
        INSERT INTO series_v5 (id, reporter, partner, flow, commodity) SELECT id, reporter, partner, flow, commodity FROM series;
        DROP TABLE series;
        ALTER TABLE series_v5 RENAME TO series;
        CREATE INDEX series_by_reporter ON series (reporter, flow, commodity);
        ALTER TABLE observation ADD COLUMN derived_from TEXT;
        """
}
