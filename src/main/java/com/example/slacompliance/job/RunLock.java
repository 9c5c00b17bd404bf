package com.example.slacompliance.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One run at a time per database. On PostgreSQL a session advisory lock, held on a connection of its
 * own for the whole run and released by the server if the process dies. The embedded H2 file is
 * locked by H2 itself: a second process cannot open it (reported as exit 4 by {@code SlaComplianceApplication}).
 */
final class RunLock implements AutoCloseable {

    /** The advisory lock key: "sla-compliance" as 8 bytes. */
    static final long KEY = 0x736c612d636f6d70L;

    private final Connection connection;

    private RunLock(Connection connection) {
        this.connection = connection;
    }

    /** Takes the lock, or throws {@link Busy} when another run holds it. */
    static RunLock acquire(DataSource dataSource, boolean embedded) throws SQLException {
        if (embedded) {
            return new RunLock(null);
        }
        Connection connection = dataSource.getConnection();
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, KEY);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    connection.close();
                    throw new Busy("another sla-compliance run holds this database; nothing was touched");
                }
            }
        } catch (SQLException | RuntimeException e) {
            if (!connection.isClosed()) {
                connection.close();
            }
            throw e;
        }
        return new RunLock(connection);
    }

    @Override
    public void close() {
        if (connection == null) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            ps.setLong(1, KEY);
            ps.execute();
        } catch (SQLException e) {
            // the session is gone (the database was lost): the server released its locks with it
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                // as above
            }
        }
    }

    /** Another run holds the database: exit 4. */
    static final class Busy extends RuntimeException {
        Busy(String message) {
            super(message);
        }
    }
}
