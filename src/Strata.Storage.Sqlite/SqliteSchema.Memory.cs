namespace Strata.Storage.Sqlite;

internal static partial class SqliteSchema
{
    /// <summary>Flashcards with their FSRS memory, the review log, and when each item was last opened (for resurfacing).</summary>
    internal const string Memory = """
        CREATE TABLE cards (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            item_id TEXT REFERENCES items(id) ON DELETE SET NULL,
            kind TEXT NOT NULL,
            origin TEXT NOT NULL,
            front TEXT NOT NULL,
            back TEXT NOT NULL,
            deck TEXT,
            passage TEXT,
            span_start INTEGER,
            span_end INTEGER,
            note TEXT,
            suspended INTEGER NOT NULL DEFAULT 0,
            state INTEGER NOT NULL,
            step INTEGER,
            stability REAL,
            difficulty REAL,
            due TEXT NOT NULL,
            last_review TEXT,
            reps INTEGER NOT NULL DEFAULT 0,
            lapses INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX ix_cards_due ON cards(suspended, due);
        CREATE INDEX ix_cards_deck ON cards(deck);
        CREATE UNIQUE INDEX ux_cards_item_front ON cards(item_id, front) WHERE item_id IS NOT NULL;

        CREATE TABLE review_log (
            rowid INTEGER PRIMARY KEY,
            card_id TEXT NOT NULL REFERENCES cards(id) ON DELETE CASCADE,
            rating INTEGER NOT NULL,
            reviewed_at TEXT NOT NULL,
            state_before INTEGER NOT NULL,
            elapsed_days REAL NOT NULL,
            scheduled_days REAL NOT NULL,
            stability REAL NOT NULL,
            difficulty REAL NOT NULL
        );
        CREATE INDEX ix_review_log_card ON review_log(card_id, reviewed_at);
        CREATE INDEX ix_review_log_at ON review_log(reviewed_at);

        CREATE TABLE memory_parameters (
            rowid INTEGER PRIMARY KEY,
            fitted_at TEXT NOT NULL,
            weights TEXT NOT NULL,
            reviews INTEGER NOT NULL,
            log_loss_before REAL,
            log_loss_after REAL
        );

        ALTER TABLE items ADD COLUMN opened_at TEXT;
        """;
}
