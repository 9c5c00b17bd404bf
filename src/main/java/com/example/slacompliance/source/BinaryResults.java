package com.example.slacompliance.source;

import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGStatement;

/**
 * Asks PostgreSQL for a statement's results in binary from its first execution. PgJDBC otherwise reads
 * them as text until it has run the statement five times, and timestamps as text cost both sides: the
 * server formats each one in its time zone, the driver parses it back (about a second of CPU each per
 * million rows of four timestamps). Other databases' statements are left as they are.
 */
public final class BinaryResults {

    private BinaryResults() {
    }

    public static void request(Statement statement) throws SQLException {
        if (statement.isWrapperFor(PGStatement.class)) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
        }
    }
}
