package com.example.slacompliance.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.slacompliance.testing.PostgresDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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

    /** Around PostgreSQL's epoch (2000-01-01), before the Gregorian reform, far ahead, infinite, null. */
    static final String TIMESTAMPS = """
            SELECT v FROM (VALUES (timestamptz '2026-10-05 10:00:00.123456+05:30'),
                                  ('1999-12-31 23:59:59.999999+00'), ('2000-01-01 00:00:00+00'),
                                  ('2000-01-01 00:00:00.000001+00'), ('1969-12-31 23:59:59.5+00'),
                                  ('1500-03-01 12:00:00.000007+00'), ('0001-01-01 00:00:00+00'),
                                  ('4000-02-29 01:02:03.000004+00'), ('infinity'), ('-infinity'), (NULL)) t(v)""";

    @Test
    void instantsAreWhatTheDriverReadsWhetherTheResultsAreBinaryOrText() throws Exception {
        PostgresDatabase db = PostgresDatabase.fresh(getClass().getSimpleName());
        try (Connection c = db.jdbc().getDataSource().getConnection()) {
            for (boolean binary : new boolean[] {false, true}) { // text first: a statement once binary stays so
                try (PreparedStatement ps = c.prepareStatement(TIMESTAMPS)) {
                    if (binary) {
                        BinaryResults.request(ps);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.getMetaData().unwrap(PGResultSetMetaData.class).getFormat(1))
                                .isEqualTo(binary ? 1 : 0);
                        BinaryResults.Instants instants = new BinaryResults.Instants();
                        List<Instant> read = new ArrayList<>();
                        while (rs.next()) {
                            OffsetDateTime driver = rs.getObject("v", OffsetDateTime.class);
                            Instant instant = instants.get(rs, "v");
                            assertThat(instant).as("%s, binary %s", driver, binary)
                                    .isEqualTo(driver == null ? null : driver.toInstant());
                            read.add(instant);
                        }
                        assertThat(read).hasSize(11).startsWith(Instant.parse("2026-10-05T04:30:00.123456Z"),
                                Instant.parse("1999-12-31T23:59:59.999999Z"), Instant.parse("2000-01-01T00:00:00Z"));
                        assertThat(read.get(8)).isEqualTo(OffsetDateTime.MAX.toInstant());
                        assertThat(read.get(10)).isNull();
                    }
                }
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
