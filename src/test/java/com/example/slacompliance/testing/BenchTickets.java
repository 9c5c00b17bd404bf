package com.example.slacompliance.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.jdbc.core.JdbcTemplate;

/** The benchmark's generator (bench/generate.sql): n realistic tickets closed in October 2026 (Kolkata). */
public final class BenchTickets {

    private BenchTickets() {
    }

    public static void generate(JdbcTemplate jdbc, int n) throws IOException {
        String sql = Files.readString(Path.of("bench/generate.sql")).replace(":n", Integer.toString(n));
        for (String statement : sql.split(";\\s*\\n")) {
            String body = statement.lines().filter(l -> !l.trim().startsWith("--")).reduce("", (a, b) -> a + "\n" + b);
            if (!body.isBlank()) {
                jdbc.execute(body);
            }
        }
    }
}
