package com.example.slacompliance.workbook;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * A file replaced in one step: written to a temporary file in the same folder, then renamed over the
 * previous one (an atomic move), so readers see the old file or the new one, never half of one. The
 * temporary file is deleted when the write fails; one left by a crash is deleted by the next write.
 */
final class AtomicFile implements AutoCloseable {

    private final Path target;
    private final Path temp;
    private boolean committed;

    private AtomicFile(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    /** Reserves a temporary file beside {@code target} (with the folder's usual permissions, unlike createTempFile). */
    static AtomicFile beside(Path target) throws IOException {
        deleteLeftovers(target);
        Path temp = target.resolveSibling(prefix(target) + UUID.randomUUID() + ".tmp");
        Files.createFile(temp);
        return new AtomicFile(target, temp);
    }

    /** Where to write the new content. */
    Path temp() {
        return temp;
    }

    /** Moves the written file over the target. */
    void commit() throws IOException {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
    }

    /** Deletes the temporary file unless it was committed. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            Files.deleteIfExists(temp);
        }
    }

    private static String prefix(Path target) {
        return "." + target.getFileName() + ".";
    }

    private static void deleteLeftovers(Path target) throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(target.getParent(), prefix(target) + "*.tmp")) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }
}
