package com.example.slacompliance.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.slacompliance.testing.PostgresDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.postgresql.PGResultSetMetaData;

class BinaryResultsTest {

    static final String QUERY = "SELECT timestamptz '2026-10-05 10:00:00.123456+05:30' AS at, 'x' AS text";

    /** 0: text, 1: binary, for the first execution of a fresh statement. */
    static int formatOfFirstExecution(Connection c, boolean binary) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(QUERY)) {
            if (binary) {
                BinaryResults.request(ps);
            }
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getObject("at", OffsetDateTime.class))
                        .isEqualTo(OffsetDateTime.of(2026, 10, 5, 4, 30, 0, 123_456_000, ZoneOffset.UTC));
                assertThat(rs.getString("text")).isEqualTo("x");
                return rs.getMetaData().unwrap(PGResultSetMetaData.class).getFormat(1);
            }
        }
    }

    @Test
    void postgresSendsTimestampsInBinaryFromTheFirstExecution() throws Exception {
        PostgresDatabase db = PostgresDatabase.fresh(getClass().getSimpleName());
        try (Connection c = db.jdbc().getDataSource().getConnection()) {
            assertThat(formatOfFirstExecution(c, false)).isZero();
            assertThat(formatOfFirstExecution(c, true)).isEqualTo(1);
        }
    }
}
