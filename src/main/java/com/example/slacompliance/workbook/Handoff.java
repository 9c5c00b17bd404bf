package com.example.slacompliance.workbook;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hands rows read on this thread to a consumer on another, in batches, so that reading a list from the
 * database and writing it into a sheet or a file overlap on two cores. {@link #close} waits until the
 * consumer has taken every row; a failure of the consumer is thrown there (or by {@link #accept}).
 */
final class Handoff<T> implements Consumer<T>, AutoCloseable {

    private static final int BATCH = 512;
    private static final List<Object> END = List.of();

    private final BlockingQueue<List<?>> queue = new ArrayBlockingQueue<>(8);
    private final Future<?> consumer;
    private List<T> batch = new ArrayList<>(BATCH);

    Handoff(ExecutorService executor, Consumer<T> each) {
        consumer = executor.submit(() -> {
            for (List<?> rows = queue.take(); rows != END; rows = queue.take()) {
                @SuppressWarnings("unchecked")
                List<T> typed = (List<T>) rows;
                typed.forEach(each);
            }
            return null;
        });
    }

    @Override
    public void accept(T row) {
        batch.add(row);
        if (batch.size() == BATCH) {
            put(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /** Passes the last rows on and waits for the consumer to have written them. */
    @Override
    public void close() {
        if (!batch.isEmpty()) {
            put(batch);
        }
        put(END);
        finish();
    }

    private void put(List<?> rows) {
        try {
            while (!queue.offer(rows, 50, TimeUnit.MILLISECONDS)) {
                if (consumer.isDone()) {
                    finish(); // the consumer stopped early: throws why
                    throw new IllegalStateException("the writer of the list stopped before its end");
                }
            }
        } catch (InterruptedException e) {
            consumer.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the workbook", e);
        }
    }

    private void finish() {
        try {
            consumer.get();
        } catch (InterruptedException e) {
            consumer.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the workbook", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            if (cause instanceof java.io.IOException io) {
                throw new UncheckedIOException(io);
            }
            throw new IllegalStateException(cause);
        }
    }
}
