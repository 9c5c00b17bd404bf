package com.example.slacompliance.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * A database of its own on the machine's PostgreSQL (127.0.0.1:5432, user postgres, trust auth) for one
 * test class, created afresh. Override the server with SLA_TEST_PG_HOST / SLA_TEST_PG_PORT, and the
 * databases' prefix with SLA_TEST_DB_PREFIX (so that two checkouts can run their suites at once).
 */
public final class PostgresDatabase {

    static final String HOST = System.getenv().getOrDefault("SLA_TEST_PG_HOST", "127.0.0.1");
    static final String PORT = System.getenv().getOrDefault("SLA_TEST_PG_PORT", "5432");
    public static final String PREFIX = System.getenv().getOrDefault("SLA_TEST_DB_PREFIX", "sla_it_");

    private final String name;

    private PostgresDatabase(String name) {
        this.name = name;
    }

    /** Drops and creates {@code sla_it_<name>} (or {@code <SLA_TEST_DB_PREFIX><name>}). */
    public static PostgresDatabase fresh(String name) {
        return fresh(name, "");
    }

    /**
     * As {@link #fresh(String)}, its text sorted by ICU's English collation (case and accents second,
     * punctuation ignored first) rather than the server's default.
     */
    public static PostgresDatabase freshWithEnglishCollation(String name) {
        return fresh(name, " TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'");
    }

    private static PostgresDatabase fresh(String name, String options) {
        String db = PREFIX + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        try (Connection c = DriverManager.getConnection(url("test"), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + db + options);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + HOST + ":" + PORT + " is needed for this test: " + e.getMessage(), e);
        }
        return new PostgresDatabase(db);
    }

    static String url(String db) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + db;
    }

    public String url() {
        return url(name);
    }

    public DataSource dataSource() {
        return new DriverManagerDataSource(url(), "postgres", "");
    }

    public JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource());
    }

    /** Creates the source table from the reference DDL a user would run. */
    public PostgresDatabase withTicketsTable() {
        new ResourceDatabasePopulator(new FileSystemResource(Path.of("sql/tickets.sql"))).execute(dataSource());
        return this;
    }

    /** Creates the job's own tables as its start does: its PostgreSQL migrations, from an empty history. */
    public PostgresDatabase withJobTables() {
        jobMigrations().load().migrate();
        return this;
    }

    /** Flyway on this database as the job configures it (application.properties), Flyway's log as quiet. */
    public FluentConfiguration jobMigrations() {
        ((Logger) LoggerFactory.getLogger("org.flywaydb")).setLevel(Level.WARN);
        return Flyway.configure().dataSource(dataSource()).locations("classpath:sql/migration/postgresql")
                .baselineOnMigrate(true).baselineVersion("0");
    }

    /** Command-line arguments that point the job at this database and write output under {@code outputDir}. */
    public List<String> args(Path outputDir, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + url(),
                "--spring.datasource.username=postgres",
                "--sla.output-dir=" + outputDir));
        args.addAll(List.of(more));
        return args;
    }
}
