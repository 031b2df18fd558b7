/// Tables of migration "v3-policy": policy events a user imported (the bundled timeline ships
/// with the program and is not stored) and the user's own export licences.
///
/// An event is kept whole as its JSON encoding (`document`), with the id and the fields worth
/// querying beside it; days are `YYYYMMDD` integers like release dates elsewhere.
enum PolicySchema {
    static let v3 = """
        CREATE TABLE policy_event (
            id TEXT PRIMARY KEY CHECK (length(trim(id)) > 0),
            kind TEXT NOT NULL,
            effective INTEGER CHECK (effective IS NULL OR effective BETWEEN 10000101 AND 99991231),
            document TEXT NOT NULL CHECK (json_valid(document)),
            file TEXT NOT NULL,
            imported_at TEXT NOT NULL
        );
        CREATE TABLE licence (
            id INTEGER PRIMARY KEY,
            holder TEXT NOT NULL CHECK (length(trim(holder)) > 0),
            item_kind TEXT NOT NULL CHECK (item_kind IN ('element', 'commodity')),
            item TEXT NOT NULL CHECK (length(item) > 0),
            destination TEXT NOT NULL CHECK (length(destination) = 3),
            quantity_kg REAL CHECK (quantity_kg IS NULL OR quantity_kg >= 0),
            granted INTEGER NOT NULL CHECK (granted BETWEEN 10000101 AND 99991231),
            expires INTEGER NOT NULL CHECK (expires BETWEEN 10000101 AND 99991231 AND expires >= granted),
            kind TEXT NOT NULL CHECK (kind IN ('general', 'single_shipment')),
            reference TEXT NOT NULL CHECK (length(trim(reference)) > 0),
            note TEXT,
            file TEXT NOT NULL,
            created_at TEXT NOT NULL,
            UNIQUE (holder, reference)
        );
        CREATE INDEX licence_by_expiry ON licence (expires);
        """
}
