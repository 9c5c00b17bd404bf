package com.example.slacompliance.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.slacompliance.testing.PostgresDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Flyway's migrate runs unless every migration the jar carries is applied, on a real PostgreSQL. */
class MigrateWhenBehindTest {

    static PostgresDatabase db;

    @BeforeAll
    static void database() {
        db = PostgresDatabase.fresh("migrate_when_behind");
    }

    @Test
    void thePackagedVersionsAreTheMigrationFiles() throws IOException {
        List<MigrationVersion> files;
        try (Stream<Path> sql = Files.list(Path.of("sql/migration/postgresql"))) {
            files = sql.map(p -> p.getFileName().toString())
                    .map(name -> MigrationVersion.fromVersion(name.substring(1, name.indexOf("__"))))
                    .toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(4);
        assertThat(MigrateWhenBehind.packaged(flyway("public", null).getConfiguration()))
                .containsExactlyInAnyOrderElementsOf(files);
    }

    @Test
    void aSchemaBehindIsMigratedAndACurrentOneIsLeftAlone() {
        db.jdbc().execute("CREATE SCHEMA behind");
        assertThat(MigrateWhenBehind.current(flyway("behind", null).getConfiguration()))
                .as("no history table yet").isFalse();

        flyway("behind", "3").migrate(); // a database of an older release
        assertThat(MigrateWhenBehind.current(flyway("behind", null).getConfiguration())).isFalse();

        new MigrateWhenBehind().migrate(flyway("behind", null));
        assertThat(appliedVersions("behind")).contains("4");
        assertThat(MigrateWhenBehind.current(flyway("behind", null).getConfiguration())).isTrue();

        // a migration recorded with another checksum: Flyway's migrate would refuse it (its validation);
        // on a current schema the strategy does not run migrate at all
        db.jdbc().execute("UPDATE behind.flyway_schema_history SET checksum = 1 WHERE version = '4'");
        assertThatThrownBy(() -> flyway("behind", null).migrate()).isInstanceOf(FlywayException.class);
        assertThatCode(() -> new MigrateWhenBehind().migrate(flyway("behind", null))).doesNotThrowAnyException();
    }

    @Test
    void aFailedMigrationCountsAsNotApplied() {
        db.jdbc().execute("CREATE SCHEMA failed");
        flyway("failed", null).migrate();
        assertThat(MigrateWhenBehind.current(flyway("failed", null).getConfiguration())).isTrue();

        db.jdbc().execute("UPDATE failed.flyway_schema_history SET success = false WHERE version = '4'");
        assertThat(MigrateWhenBehind.current(flyway("failed", null).getConfiguration())).isFalse();
    }

    private static List<String> appliedVersions(String schema) {
        return db.jdbc().queryForList("SELECT version FROM " + schema + ".flyway_schema_history WHERE success",
                String.class);
    }

    /** Flyway as the job configures it, in {@code schema}, up to {@code target} or all. */
    private static Flyway flyway(String schema, String target) {
        FluentConfiguration config = db.jobMigrations().schemas(schema).defaultSchema(schema);
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }
}
