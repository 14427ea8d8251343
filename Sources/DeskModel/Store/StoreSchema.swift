import GRDB

/// Versioned migrations. A migration once shipped is never edited; add a new one.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE customer (
                    id TEXT PRIMARY KEY NOT NULL,
                    email TEXT, externalId TEXT, description TEXT,
                    blocked INTEGER NOT NULL DEFAULT 0,
                    origin TEXT NOT NULL,
                    purseCount INTEGER NOT NULL DEFAULT 0,
                    pendingDeposits INTEGER NOT NULL DEFAULT 0,
                    lastDepositAt REAL, lastSyncedAt REAL, lastActivityAt REAL,
                    createdAt REAL NOT NULL, updatedAt REAL NOT NULL
                );
                CREATE INDEX customer_activity ON customer(lastActivityAt);

                CREATE TABLE purse (
                    purseId TEXT NOT NULL, currency TEXT NOT NULL,
                    customerId TEXT NOT NULL, address TEXT, blockchain TEXT,
                    status TEXT NOT NULL, createdAt REAL, expiresAt REAL, lastDepositAt REAL,
                    updatedAt REAL NOT NULL,
                    PRIMARY KEY (purseId, currency)
                );
                CREATE INDEX purse_customer ON purse(customerId);
                CREATE INDEX purse_address ON purse(address);

                CREATE TABLE deposit (
                    id TEXT PRIMARY KEY NOT NULL,
                    customerId TEXT, purseId TEXT, address TEXT,
                    currency TEXT NOT NULL, amount TEXT NOT NULL,
                    addressFrom TEXT, hash TEXT,
                    state TEXT NOT NULL, compliance TEXT NOT NULL,
                    credited INTEGER NOT NULL DEFAULT 0,
                    settled INTEGER NOT NULL DEFAULT 0,
                    createdAt REAL, firstSeenAt REAL NOT NULL, updatedAt REAL NOT NULL
                );
                CREATE INDEX deposit_customer ON deposit(customerId, createdAt);
                CREATE INDEX deposit_created ON deposit(createdAt);
                CREATE INDEX deposit_open ON deposit(settled, createdAt);

                CREATE TABLE deposit_state (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    transactionId TEXT NOT NULL,
                    state TEXT NOT NULL, compliance TEXT NOT NULL, credited INTEGER NOT NULL,
                    observedAt REAL NOT NULL, source TEXT NOT NULL
                );
                CREATE INDEX deposit_state_tx ON deposit_state(transactionId, seq);

                CREATE TABLE webhook_event (
                    id INTEGER PRIMARY KEY NOT NULL,
                    requestId TEXT, eventType TEXT NOT NULL,
                    customerId TEXT, transactionId TEXT,
                    body TEXT NOT NULL, receivedAt REAL NOT NULL
                );

                CREATE TABLE audit (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at REAL NOT NULL, user TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL,
                    detail TEXT, result TEXT NOT NULL, error TEXT, finishedAt REAL
                );

                CREATE TABLE alert (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at REAL NOT NULL, kind TEXT NOT NULL, customerId TEXT, transactionId TEXT,
                    message TEXT NOT NULL,
                    UNIQUE (kind, transactionId)
                );

                CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                """)
        }
        migrator.registerMigration("v2: deposits by last change") { db in
            try db.execute(sql: "CREATE INDEX deposit_updated ON deposit(updatedAt)")
        }
        DeskStore.registerOverviewMigration(&migrator)
        return migrator
    }
}
