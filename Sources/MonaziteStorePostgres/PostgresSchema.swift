/// The PostgreSQL schema: the SQLite schema of `StoreSchema`, migration for migration, with the
/// same names, encodings (months as `YYYYMM`, releases as `YYYYMMDD`, 0 for none), CHECK and
/// UNIQUE invariants. Translations: `INTEGER` ids become `BIGINT`, `REAL` becomes
/// `DOUBLE PRECISION`. Ids are assigned by the store (next after the largest), as SQLite does,
/// so that the same imports give the same ids in both backends.
///
/// Applied migrations are listed in `monazite_migration`; each pending one runs in its own
/// transaction under an advisory lock, so concurrent processes never apply one twice.
enum PostgresSchema {
    struct Migration {
        let identifier: String
        let statements: [String]
    }

    static let migrations: [Migration] = [
        Migration(
            identifier: "v1",
            statements: [
                """
                CREATE TABLE source (
                    id BIGINT PRIMARY KEY,
                    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                    url TEXT NOT NULL DEFAULT '',
                    UNIQUE (name, url)
                )
                """,
                """
                CREATE TABLE import_batch (
                    id BIGINT PRIMARY KEY,
                    file TEXT NOT NULL,
                    format TEXT NOT NULL,
                    imported_at TEXT NOT NULL,
                    row_count BIGINT NOT NULL CHECK (row_count >= 0)
                )
                """,
                """
                CREATE TABLE series (
                    id BIGINT PRIMARY KEY,
                    reporter TEXT NOT NULL CHECK (length(reporter) = 3),
                    partner TEXT NOT NULL CHECK (length(partner) = 3),
                    flow TEXT NOT NULL CHECK (flow IN ('export', 'import', 're-export', 're-import')),
                    commodity TEXT NOT NULL CHECK (length(commodity) = 6),
                    UNIQUE (reporter, partner, flow, commodity)
                )
                """,
                """
                CREATE TABLE observation (
                    id BIGINT PRIMARY KEY,
                    series_id BIGINT NOT NULL REFERENCES series(id),
                    first_month INTEGER NOT NULL CHECK (first_month % 100 BETWEEN 1 AND 12),
                    last_month INTEGER NOT NULL CHECK (last_month % 100 BETWEEN 1 AND 12 AND last_month >= first_month),
                    release INTEGER NOT NULL DEFAULT 0 CHECK (release = 0 OR release BETWEEN 10000101 AND 99991231),
                    quantity_t DOUBLE PRECISION CHECK (quantity_t IS NULL OR quantity_t >= 0),
                    value_usd DOUBLE PRECISION CHECK (value_usd IS NULL OR value_usd >= 0),
                    status TEXT NOT NULL CHECK (status IN ('reported', 'derived', 'estimate')),
                    source_id BIGINT NOT NULL REFERENCES source(id),
                    batch_id BIGINT NOT NULL REFERENCES import_batch(id),
                    reported_mom_pct DOUBLE PRECISION,
                    reported_yoy_pct DOUBLE PRECISION,
                    national_code TEXT,
                    note TEXT,
                    CHECK (quantity_t IS NOT NULL OR value_usd IS NOT NULL),
                    UNIQUE (series_id, first_month, last_month, release)
                )
                """,
                """
                CREATE TABLE salient_statistic (
                    id BIGINT PRIMARY KEY,
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
                    value DOUBLE PRECISION,
                    source_id BIGINT NOT NULL REFERENCES source(id),
                    batch_id BIGINT NOT NULL REFERENCES import_batch(id),
                    UNIQUE (edition, country, commodity_name, section, subsection, item, year)
                )
                """,
                """
                CREATE TABLE indicator (
                    id BIGINT PRIMARY KEY,
                    measure TEXT NOT NULL CHECK (measure IN ('production', 'reserves', 'stage_share', 'import_source_share')),
                    country TEXT NOT NULL CHECK (length(country) = 3),
                    importer TEXT NOT NULL DEFAULT '',
                    stage TEXT NOT NULL DEFAULT '',
                    scope TEXT NOT NULL,
                    first_month INTEGER NOT NULL,
                    last_month INTEGER NOT NULL CHECK (last_month >= first_month),
                    value DOUBLE PRECISION,
                    text TEXT,
                    unit TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('reported', 'derived', 'estimate')),
                    dataset TEXT NOT NULL,
                    edition TEXT NOT NULL,
                    source_id BIGINT NOT NULL REFERENCES source(id),
                    batch_id BIGINT NOT NULL REFERENCES import_batch(id),
                    note TEXT,
                    CHECK (value IS NOT NULL OR text IS NOT NULL),
                    UNIQUE (measure, country, importer, stage, scope, first_month, last_month, dataset, edition)
                )
                """,
                "CREATE INDEX series_by_reporter ON series (reporter, flow, commodity)",
                // SQLite's ON DELETE-less foreign keys need no index; PostgreSQL reads by source often.
                "CREATE INDEX observation_by_source ON observation (source_id)",
            ]),
        Migration(
            identifier: "v2-access-tokens",
            statements: [
                """
                CREATE TABLE access_token (
                    id BIGINT PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
                    secret_sha256 TEXT NOT NULL UNIQUE CHECK (length(secret_sha256) = 64),
                    created_at TEXT NOT NULL,
                    revoked_at TEXT
                )
                """
            ]),
        Migration(
            identifier: "v3-policy",
            statements: [
                """
                CREATE TABLE policy_event (
                    id TEXT PRIMARY KEY CHECK (length(trim(id)) > 0),
                    kind TEXT NOT NULL,
                    effective INTEGER CHECK (effective IS NULL OR effective BETWEEN 10000101 AND 99991231),
                    document TEXT NOT NULL CHECK ((document::jsonb) IS NOT NULL),
                    file TEXT NOT NULL,
                    imported_at TEXT NOT NULL
                )
                """,
                """
                CREATE TABLE licence (
                    id BIGINT PRIMARY KEY,
                    holder TEXT NOT NULL CHECK (length(trim(holder)) > 0),
                    item_kind TEXT NOT NULL CHECK (item_kind IN ('element', 'commodity')),
                    item TEXT NOT NULL CHECK (length(item) > 0),
                    destination TEXT NOT NULL CHECK (length(destination) = 3),
                    quantity_kg DOUBLE PRECISION CHECK (quantity_kg IS NULL OR quantity_kg >= 0),
                    granted INTEGER NOT NULL CHECK (granted BETWEEN 10000101 AND 99991231),
                    expires INTEGER NOT NULL CHECK (expires BETWEEN 10000101 AND 99991231 AND expires >= granted),
                    kind TEXT NOT NULL CHECK (kind IN ('general', 'single_shipment')),
                    reference TEXT NOT NULL CHECK (length(trim(reference)) > 0),
                    note TEXT,
                    file TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    UNIQUE (holder, reference)
                )
                """,
                "CREATE INDEX licence_by_expiry ON licence (expires)",
            ]),
        Migration(
            identifier: "v4-alerts",
            statements: [
                """
                CREATE TABLE fired_alert (
                    id BIGINT PRIMARY KEY,
                    dedupe_key TEXT NOT NULL UNIQUE CHECK (length(trim(dedupe_key)) > 0),
                    rule_id TEXT NOT NULL CHECK (length(trim(rule_id)) > 0),
                    kind TEXT NOT NULL CHECK (kind IN ('series_change', 'new_event', 'deadline')),
                    severity TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
                    message TEXT NOT NULL,
                    url TEXT,
                    evaluated_for INTEGER NOT NULL CHECK (evaluated_for BETWEEN 10000101 AND 99991231),
                    fired_at TEXT NOT NULL
                )
                """
            ]),
        Migration(
            identifier: "v5-commodity-levels",
            statements: [
                "ALTER TABLE series DROP CONSTRAINT series_commodity_check",
                "ALTER TABLE series ADD CONSTRAINT series_commodity_check CHECK (length(commodity) BETWEEN 2 AND 40)",
                "ALTER TABLE observation ADD COLUMN derived_from TEXT",
            ]),
    ]
}
