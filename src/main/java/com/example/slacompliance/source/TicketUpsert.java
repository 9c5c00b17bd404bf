package com.example.slacompliance.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Loads a helpdesk export into the source table, upserting by ticket_id: the file's columns are set,
 * the others stay as they were (null for new tickets). The only writer of {@code tickets}.
 */
public final class TicketUpsert {

    static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final boolean embedded;

    public TicketUpsert(JdbcTemplate jdbc, boolean embedded) {
        this.jdbc = jdbc;
        this.embedded = embedded;
    }

    /** Creates the source table from the reference DDL when it is absent. */
    public void createTableIfAbsent() {
        if (!TicketSource.exists(jdbc)) {
            String ddl = embedded ? "sql/tickets-h2.sql" : "sql/tickets.sql";
            new ResourceDatabasePopulator(new ClassPathResource(ddl)).execute(jdbc.getDataSource());
        }
    }

    public CsvImport.Outcome importFile(Path file, CsvImport reader) throws IOException {
        createTableIfAbsent();
        List<CsvImport.Row> batch = new ArrayList<>(BATCH);
        String[] sql = {null};
        CsvImport.Outcome outcome;
        try (InputStream in = Files.newInputStream(file)) {
            outcome = reader.read(in, row -> {
                if (sql[0] == null) {
                    sql[0] = upsert(reader.columns());
                }
                batch.add(row);
                if (batch.size() == BATCH) {
                    flush(sql[0], reader.columns(), batch);
                }
            });
        }
        if (!batch.isEmpty()) {
            flush(sql[0], reader.columns(), batch);
        }
        return outcome;
    }

    private void flush(String sql, List<String> columns, List<CsvImport.Row> batch) {
        jdbc.batchUpdate(sql, batch, batch.size(), (ps, row) -> {
            for (int i = 0; i < columns.size(); i++) {
                Object value = row.values()[i];
                if (value == null) {
                    ps.setNull(i + 1, type(columns.get(i)));
                } else {
                    ps.setObject(i + 1, value, type(columns.get(i)));
                }
            }
        });
        batch.clear();
    }

    /** The upsert for the file's columns (names from {@link CsvImport#COLUMNS} only, never from input). */
    String upsert(List<String> columns) {
        String names = String.join(", ", columns);
        String marks = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        if (embedded) {
            return "MERGE INTO tickets (" + names + ") KEY (ticket_id) VALUES (" + marks + ")";
        }
        String updates = columns.stream().skip(1).map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
        return "INSERT INTO tickets (" + names + ") VALUES (" + marks + ") ON CONFLICT (ticket_id) DO "
                + (updates.isEmpty() ? "NOTHING" : "UPDATE SET " + updates);
    }

    private static int type(String column) {
        if (column.equals("severity")) {
            return Types.SMALLINT;
        }
        return CsvImport.INSTANTS.contains(column) ? Types.TIMESTAMP_WITH_TIMEZONE : Types.VARCHAR;
    }
}
