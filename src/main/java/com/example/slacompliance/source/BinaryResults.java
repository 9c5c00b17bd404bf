package com.example.slacompliance.source;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.postgresql.PGResultSetMetaData;
import org.postgresql.PGStatement;

/**
 * Asks PostgreSQL for a statement's results in binary from its first execution. PgJDBC otherwise reads
 * them as text until it has run the statement five times, and timestamps as text cost both sides: the
 * server formats each one in its time zone, the driver parses it back (about a second of CPU each per
 * million rows of four timestamps). Other databases' statements are left as they are.
 */
public final class BinaryResults {

    /** Seconds from 1970-01-01 (Java's epoch) to 2000-01-01 (PostgreSQL's). */
    private static final long POSTGRES_EPOCH_SECOND = 946_684_800L;
    private static final int BINARY = 1;

    private BinaryResults() {
    }

    public static void request(Statement statement) throws SQLException {
        if (statement.isWrapperFor(PGStatement.class)) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
        }
    }

    /**
     * Reads {@code timestamptz} columns as instants. A column PostgreSQL sent in binary is its 8 bytes,
     * microseconds since 2000-01-01 UTC, made into the instant directly: the driver's own conversion made
     * five objects on the way per value (four million per million tickets). Text results and other
     * databases' go through {@code getObject(column, OffsetDateTime.class)}. Infinite timestamps read as
     * the driver reads them ({@link OffsetDateTime#MAX}, {@link OffsetDateTime#MIN}). One per reader: it
     * keeps the formats of the last result set it read.
     */
    public static final class Instants {

        private ResultSet resultSet;
        private PGResultSetMetaData postgres; // of resultSet, null for other databases

        public Instant get(ResultSet rs, String column) throws SQLException {
            int index = rs.findColumn(column);
            if (rs != resultSet) {
                ResultSetMetaData meta = rs.getMetaData();
                postgres = meta.isWrapperFor(PGResultSetMetaData.class) ? meta.unwrap(PGResultSetMetaData.class) : null;
                resultSet = rs;
            }
            if (postgres != null && postgres.getFormat(index) == BINARY) {
                byte[] bytes = rs.getBytes(index);
                return bytes == null ? null : fromPostgres(bytes);
            }
            OffsetDateTime value = rs.getObject(index, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        }
    }

    /** A binary {@code timestamptz}: 8 big-endian bytes of microseconds since 2000-01-01 UTC. */
    static Instant fromPostgres(byte[] bytes) {
        if (bytes.length != 8) {
            throw new IllegalArgumentException("a binary timestamptz has 8 bytes, not " + bytes.length);
        }
        long micros = 0;
        for (byte b : bytes) {
            micros = micros << 8 | (b & 0xff);
        }
        if (micros == Long.MAX_VALUE) {
            return OffsetDateTime.MAX.toInstant(); // 'infinity'
        }
        if (micros == Long.MIN_VALUE) {
            return OffsetDateTime.MIN.toInstant(); // '-infinity'
        }
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L) + POSTGRES_EPOCH_SECOND,
                Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
