package com.example.slacompliance.job;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Runs Flyway's migrate only when the database lacks a migration the jar carries. Migrate also takes a
 * lock and validates every applied migration against its file, about a quarter of a second of every
 * start (0.93× the wall time of an empty month) for a schema that changes only with a new release. When
 * every packaged version is recorded as applied with success, nothing else is checked; a fresh database,
 * a new release's first run, a failed migration or anything this check cannot read migrates as before.
 */
final class MigrateWhenBehind implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(MigrateWhenBehind.class);

    @Override
    public void migrate(Flyway flyway) {
        if (!current(flyway.getConfiguration())) {
            flyway.migrate();
        }
    }

    /** Whether every versioned migration in the configured locations is applied, as far as can be read. */
    static boolean current(Configuration config) {
        try {
            Set<MigrationVersion> packaged = packaged(config);
            return !packaged.isEmpty() && applied(config).containsAll(packaged);
        } catch (IOException | SQLException | RuntimeException e) {
            log.debug("cannot tell whether the schema is current; migrating", e);
            return false;
        }
    }

    /** The versions of the {@code V<version>__<name>.sql} files in the classpath locations (none when a location is elsewhere). */
    static Set<MigrationVersion> packaged(Configuration config) throws IOException {
        String prefix = config.getSqlMigrationPrefix();
        String separator = config.getSqlMigrationSeparator();
        Set<MigrationVersion> versions = new HashSet<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(
                MigrateWhenBehind.class.getClassLoader());
        for (Location location : config.getLocations()) {
            if (!location.isClassPath()) {
                return Set.of(); // not listed here: let Flyway look
            }
            for (Resource file : resolver.getResources("classpath*:" + location.getRootPath() + "/" + prefix + "*.sql")) {
                String name = file.getFilename();
                int end = name == null ? -1 : name.indexOf(separator);
                if (end > prefix.length()) {
                    versions.add(MigrationVersion.fromVersion(name.substring(prefix.length(), end)));
                }
            }
        }
        return versions;
    }

    /** The versions recorded as applied with success in the history table of the schema Flyway works in. */
    private static Set<MigrationVersion> applied(Configuration config) throws SQLException {
        Set<MigrationVersion> versions = new HashSet<>();
        try (Connection connection = config.getDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            String schema = config.getDefaultSchema() != null ? config.getDefaultSchema()
                    : config.getSchemas().length > 0 ? config.getSchemas()[0] : connection.getSchema();
            if (schema == null) {
                throw new SQLException("no current schema");
            }
            try (ResultSet rs = statement.executeQuery("SELECT version FROM " + quote(schema) + "."
                    + quote(config.getTable()) + " WHERE success AND version IS NOT NULL")) {
                while (rs.next()) {
                    versions.add(MigrationVersion.fromVersion(rs.getString(1)));
                }
            }
        }
        return versions;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
