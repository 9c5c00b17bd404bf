package com.example.slacompliance.job;

import com.example.slacompliance.sla.Ticket;
import com.example.slacompliance.source.TicketSource;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;

/**
 * The tickets of the month slice ({@link MonthSlices}: {@code from}, {@code to} in the step's context)
 * that this thread evaluates. One reader serves the slices that run at once, each on its own thread,
 * with a cursor per thread: a step-scoped reader is a proxy that looked its bean up and called it by
 * reflection for every ticket (about a tenth of an evaluate thread's time, and much of the compilers').
 */
final class SliceReader implements ItemStreamReader<Ticket> {

    private final DataSource dataSource;
    private final int fetchSize;
    private final ThreadLocal<JdbcCursorItemReader<Ticket>> cursor = new ThreadLocal<>();

    SliceReader(DataSource dataSource, int fetchSize) {
        this.dataSource = dataSource;
        this.fetchSize = fetchSize;
    }

    @Override
    public void open(ExecutionContext slice) {
        if (!slice.containsKey("from") || !slice.containsKey("to")) {
            throw new ItemStreamException("a slice of the month needs its 'from' and 'to'");
        }
        JdbcCursorItemReader<Ticket> reader = TicketSource.reader(dataSource, Instant.ofEpochSecond(slice.getLong("from")),
                Instant.ofEpochSecond(slice.getLong("to")), fetchSize);
        reader.open(slice);
        cursor.set(reader);
    }

    @Override
    public Ticket read() throws Exception {
        return cursor.get().read();
    }

    @Override
    public void update(ExecutionContext slice) {
        cursor.get().update(slice);
    }

    @Override
    public void close() {
        JdbcCursorItemReader<Ticket> reader = cursor.get();
        cursor.remove();
        if (reader != null) {
            reader.close();
        }
    }
}
