package com.example.slacompliance.workbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rows of the workbook's long lists (breaches, Severity 4, third-party) of the runs being evaluated
 * in this process, kept as their verdicts are staged, so that the workbook step need not have the
 * database scan and sort the month's published rows once per list (at a million tickets, four parallel
 * scans and sorts of 280 MB that took the two cores from the workbook's writers).
 *
 * <p>A run's published rows are its staged rows, so a kept row is the published one: it is kept from
 * the very values the evaluate step staged. The rows go to a temporary file as they come, and only
 * their sort keys stay in memory, in the lists' orders, which {@link PublishedRows} also uses: text in
 * code point order (PostgreSQL's {@code COLLATE "C"}), third-party integrations compared without ASCII
 * case and surrounding spaces. A run's lists are used only when they hold exactly as many judgements as
 * its evaluate step wrote; otherwise the workbook reads the published rows as before.
 */
public final class KeptLists {

    private static final Logger log = LoggerFactory.getLogger(KeptLists.class);

    /** The kept rows are read through mappings of the file of this many bytes (and a row) each. */
    static final long WINDOW = 1L << 30;

    /**
     * Rows kept at most, over the three lists (about 25 bytes of heap each, and as much again while an
     * array grows): a month with more (some four million tickets) reads its lists from the published rows.
     */
    static final int MAX_ROWS = 1_500_000;
    /**
     * Bits for a row's index in its list, for the ordinal of its creation and for the rank of its text:
     * each is below the lists' rows in all, at most {@link #MAX_ROWS}, so that all three fit in a long.
     */
    private static final int ORDINAL_BITS = 21;
    private static final long ORDINAL_MASK = (1L << ORDINAL_BITS) - 1;

    private final Map<Long, Running> runs = new ConcurrentHashMap<>();
    private final int maxRows;

    public KeptLists() {
        this(MAX_ROWS);
    }

    /** Lists of at most {@code maxRows} rows in all. */
    KeptLists(int maxRows) {
        if (maxRows > MAX_ROWS) {
            throw new IllegalArgumentException("at most " + MAX_ROWS + " rows can be sorted, not " + maxRows);
        }
        this.maxRows = maxRows;
    }

    /**
     * The lists that a run's staged verdicts are added to. One run is evaluated at a time: the lists of
     * any other run (one that failed before its workbook, or a dry run) are dropped.
     */
    public Running of(long jobExecutionId) {
        Running running = runs.computeIfAbsent(jobExecutionId, id -> new Running(maxRows));
        runs.entrySet().removeIf(other -> {
            if (other.getKey() != jobExecutionId) {
                other.getValue().discard();
                return true;
            }
            return false;
        });
        return running;
    }

    /** Drops a run's lists, if they were not taken (a run that failed before its workbook). */
    public void discard(long jobExecutionId) {
        Running running = runs.remove(jobExecutionId);
        if (running != null) {
            running.discard();
        }
    }

    /**
     * A run's lists, if exactly {@code staged} judgements (verdicts and rejections) were added to them:
     * all that its evaluate step wrote, each once. Otherwise empty (none added in this process, a chunk
     * added and then rolled back, the temporary file not writable): the caller reads the published rows.
     * Forgets every run's; the caller closes what it took, which deletes the file.
     */
    public Optional<Lists> take(long jobExecutionId, long staged) {
        Running running = runs.remove(jobExecutionId);
        runs.values().forEach(Running::discard);
        runs.clear();
        if (running == null) {
            return Optional.empty();
        }
        Optional<Lists> lists = running.lists(staged);
        if (lists.isEmpty()) {
            running.discard();
        }
        return lists;
    }

    /**
     * Compares text in code point order, which is the byte order of its UTF-8 (PostgreSQL's
     * {@code COLLATE "C"}). {@link String#compareTo} compares UTF-16 units, which puts the characters
     * above U+FFFF before U+E000..U+FFFF.
     */
    static int compareCodePoints(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (x >= 0xD800 && y >= 0xD800) {
                    return codePointRank(x) - codePointRank(y);
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    /** Surrogates (which start the code points above U+FFFF) after U+E000..U+FFFF. */
    private static int codePointRank(char c) {
        return c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }

    /**
     * A third-party list's integration as it is sorted: without surrounding spaces and with ASCII letters
     * in lower case, as PostgreSQL's {@code lower(trim(integration COLLATE "C"))}.
     */
    static String integrationKey(String integration) {
        if (integration == null) {
            return null;
        }
        int start = 0;
        int end = integration.length();
        while (start < end && integration.charAt(start) == ' ') {
            start++;
        }
        while (end > start && integration.charAt(end - 1) == ' ') {
            end--;
        }
        char[] key = integration.substring(start, end).toCharArray();
        for (int i = 0; i < key.length; i++) {
            if (key[i] >= 'A' && key[i] <= 'Z') {
                key[i] += 'a' - 'A';
            }
        }
        return new String(key);
    }

    /**
     * One list's rows: where each is in the file, and what it is sorted by before its creation and its
     * ticket: the severity (breaches) or the index of a text (an account, an integration; -1 for none).
     * Kept in arrays rather than an object per row: a million tickets' lists hold 370,000 rows.
     */
    private static final class Listed {

        int[] first = new int[256];
        long[] created = new long[256];
        long[] at = new long[256];
        int[] length = new int[256];
        int size;

        void add(int firstKey, long createdAt, long position, int bytes) {
            if (size == first.length) {
                int grown = size * 2;
                first = Arrays.copyOf(first, grown);
                created = Arrays.copyOf(created, grown);
                at = Arrays.copyOf(at, grown);
                length = Arrays.copyOf(length, grown);
            }
            first[size] = firstKey;
            created[size] = createdAt;
            at[size] = position;
            length[size] = bytes;
            size++;
        }

        /** Adds the rows of a chunk, whose positions were counted from {@code base}. */
        void addAll(Listed chunk, long base) {
            for (int i = 0; i < chunk.size; i++) {
                add(chunk.first[i], chunk.created[i], base + chunk.at[i], chunk.length[i]);
            }
        }
    }

    /**
     * A thread's encoder and lists of a chunk's rows, used again for its next chunk: new ones for each
     * chunk, grown as it was encoded, made about 250 MB of garbage at a million tickets.
     */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static final class Scratch {

        final Encoder encoder = new Encoder();
        final Listed breaches = new Listed();
        final Listed severity4 = new Listed();
        final Listed exempt = new Listed();

        Scratch reset() {
            encoder.reset();
            breaches.size = 0;
            severity4.size = 0;
            exempt.size = 0;
            return this;
        }
    }

    /** One run's kept rows so far, and how many judgements went into them. */
    public static final class Running {

        private final int maxRows;

        private final Listed breaches = new Listed();
        private final Listed severity4 = new Listed();
        private final Listed exempt = new Listed();
        private final Set<String> versions = ConcurrentHashMap.newKeySet();
        private final Map<String, Integer> textIndex = new ConcurrentHashMap<>(); // accounts, integrations
        private final List<String> texts = new ArrayList<>();
        /** The file mapped in windows of {@link #WINDOW} bytes, each longer by a row, so every row is in one. */
        private final List<MappedByteBuffer> windows = new ArrayList<>();
        private Path file;
        private FileChannel rows;
        private long size;
        private int longest;
        private long judgements;
        private long rejections;
        private volatile boolean broken;

        private Running(int maxRows) {
            this.maxRows = maxRows;
        }

        /**
         * A chunk's result rows, once they are staged, each the values the stage was given in the order
         * of {@code StageWriter.RESULT_COLUMNS}, and the number of its rejections.
         */
        public void add(List<Object[]> staged, int rejections) {
            if (broken) {
                return; // dropped: the workbook reads the published rows
            }
            Scratch scratch = SCRATCH.get().reset();
            Encoder encoder = scratch.encoder;
            Listed newBreaches = scratch.breaches;
            Listed newSeverity4 = scratch.severity4;
            Listed newExempt = scratch.exempt;
            String lastVersion = null;
            for (Object[] values : staged) {
                String version = (String) values[Encoder.POLICY_VERSION];
                if (!version.equals(lastVersion)) {
                    versions.add(version);
                    lastVersion = version;
                }
                String ackStatus = (String) values[Encoder.ACK_STATUS];
                boolean breach = ackStatus.equals("BREACHED") || values[Encoder.RESPONSE_STATUS].equals("BREACHED");
                boolean isExempt = ackStatus.equals("EXEMPT");
                int severity = (Short) values[Encoder.SEVERITY];
                if (!breach && !isExempt && severity != 4) {
                    continue;
                }
                int at = encoder.size();
                encoder.write(values);
                int length = encoder.size() - at;
                Instant createdAt = (Instant) values[Encoder.CREATED_AT];
                long created = createdAt == null ? Long.MAX_VALUE : createdAt.getEpochSecond();
                if (breach) {
                    newBreaches.add(severity, created, at, length);
                }
                if (severity == 4) {
                    newSeverity4.add(text((String) values[Encoder.ACCOUNT_ID]), created, at, length);
                }
                if (isExempt) {
                    newExempt.add(text(integrationKey((String) values[Encoder.INTEGRATION])), created, at, length);
                }
            }
            synchronized (this) {
                judgements += staged.size() + rejections;
                this.rejections += rejections;
                if (broken) {
                    return;
                }
                if (breaches.size + severity4.size + exempt.size + newBreaches.size + newSeverity4.size
                        + newExempt.size > maxRows) {
                    log.debug("more than {} rows for the workbook's lists: they are read from the published rows",
                            maxRows);
                    discard();
                    return;
                }
                long base = size;
                try {
                    if (rows == null) {
                        file = Files.createTempFile("sla-workbook-rows", ".bin");
                        file.toFile().deleteOnExit(); // should the run stop before it is discarded
                        rows = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ);
                    }
                    ByteBuffer bytes = encoder.bytes();
                    while (bytes.hasRemaining()) {
                        size += rows.write(bytes, size);
                    }
                } catch (IOException e) {
                    log.warn("the workbook's rows could not be kept in {} ({}); the workbook step reads them "
                            + "from the database", file, e.getMessage());
                    discard();
                    return;
                }
                longest = Math.max(longest, encoder.longest);
                breaches.addAll(newBreaches, base);
                severity4.addAll(newSeverity4, base);
                exempt.addAll(newExempt, base);
            }
        }

        /** The index of a text (-1 for none), the same for equal texts. */
        private int text(String text) {
            if (text == null) {
                return -1;
            }
            return textIndex.computeIfAbsent(text, t -> {
                synchronized (texts) {
                    texts.add(t);
                    return texts.size() - 1;
                }
            });
        }

        /** Each text's rank in code point order, by its index; none last. */
        private int[] ranks() {
            Integer[] byOrder = new Integer[texts.size()];
            for (int i = 0; i < byOrder.length; i++) {
                byOrder[i] = i;
            }
            Arrays.sort(byOrder, (a, b) -> compareCodePoints(texts.get(a), texts.get(b)));
            int[] rank = new int[byOrder.length];
            for (int r = 0; r < byOrder.length; r++) {
                rank[byOrder[r]] = r;
            }
            return rank;
        }

        /** A row's bytes: mapped rather than read, which took a system call per row (0.3 s at a million tickets). */
        private ByteBuffer mapped(long at, int length) {
            int window = (int) (at / WINDOW);
            try {
                while (windows.size() <= window) {
                    long start = (long) windows.size() * WINDOW;
                    windows.add(rows.map(FileChannel.MapMode.READ_ONLY, start, Math.min(WINDOW + longest, size - start)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return windows.get(window).slice((int) (at - (long) window * WINDOW), length);
        }

        /** The ticket ids of two rows in code point order: their UTF-8 bytes compared (each row begins with it). */
        private int compareTickets(long at1, int length1, long at2, int length2) {
            ByteBuffer a = mapped(at1, length1);
            ByteBuffer b = mapped(at2, length2);
            int n1 = Decoder.ticketIdLength(a);
            int n2 = Decoder.ticketIdLength(b);
            for (int i = 0; i < Math.min(n1, n2); i++) {
                int c = Integer.compare(a.get() & 0xFF, b.get() & 0xFF);
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(n1, n2);
        }

        private synchronized Optional<Lists> lists(long staged) {
            if (broken || judgements != staged) {
                return Optional.empty();
            }
            return Optional.of(new Lists(this));
        }

        /** Deletes the kept rows; what is added from now on is not kept. */
        private synchronized void discard() {
            broken = true;
            breaches.size = 0;
            severity4.size = 0;
            exempt.size = 0;
            windows.clear();
            if (rows != null) {
                try {
                    rows.close();
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    log.debug("deleting {}", file, e);
                }
                rows = null;
            }
        }
    }

    /** A run's kept lists, read once each, sorted; closing deletes the kept rows. */
    public static final class Lists implements MonthLists {

        private final Running run;
        private final int[] ranks; // of the texts the Severity 4 and third-party lists are sorted by first

        private Lists(Running run) {
            this.run = run;
            this.ranks = run.ranks();
        }

        /** The run's rejected tickets (not kept: the workbook reads them from the database). */
        public long rejections() {
            return run.rejections;
        }

        @Override
        public List<String> versionsApplied() {
            List<String> versions = new ArrayList<>(run.versions);
            versions.sort(KeptLists::compareCodePoints);
            return versions;
        }

        @Override
        public void breaches(Consumer<TicketResult> each) {
            read(run.breaches, null, each);
        }

        @Override
        public void severity4(Consumer<Severity4Request> each) {
            read(run.severity4, ranks, r -> each.accept(Severity4Request.of(r)));
        }

        @Override
        public void exempt(Consumer<TicketResult> each) {
            read(run.exempt, ranks, each);
        }

        /** A list's rows in its order; {@code rank}: the ranks of the texts it is sorted by first, or null. */
        private void read(Listed list, int[] rank, Consumer<TicketResult> each) {
            for (int i : order(list, rank)) {
                each.accept(Decoder.read(run.mapped(list.at[i], list.length[i])));
            }
            list.size = 0;
        }

        /**
         * The indexes of a list's rows in its order: by the first key (the severity, or the rank of a
         * text, none last), then creation, then ticket id. Sorted as numbers: the first key, the
         * ordinal of the row's creation among the list's and the row's index make one long, which a
         * primitive sort orders (boxed indexes sorted with a comparator took 0.45 s for 250,000 rows);
         * rows equal in both keys are then put in their tickets' order.
         */
        private int[] order(Listed list, int[] rank) {
            int n = list.size;
            long[] created = Arrays.copyOf(list.created, n);
            Arrays.sort(created);
            int distinct = 0;
            for (int i = 0; i < n; i++) {
                if (distinct == 0 || created[i] != created[distinct - 1]) {
                    created[distinct++] = created[i];
                }
            }
            long[] keyed = new long[n];
            for (int i = 0; i < n; i++) {
                long first = rank == null ? list.first[i] : rankOf(rank, list.first[i]);
                long when = Arrays.binarySearch(created, 0, distinct, list.created[i]);
                keyed[i] = (first << ORDINAL_BITS | when) << ORDINAL_BITS | i;
            }
            Arrays.sort(keyed);
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = (int) (keyed[i] & ORDINAL_MASK);
            }
            for (int start = 0, end; start < n; start = end) {
                end = start + 1;
                while (end < n && keyed[end] >>> ORDINAL_BITS == keyed[start] >>> ORDINAL_BITS) {
                    end++;
                }
                if (end - start > 1) {
                    byTicket(list, order, start, end);
                }
            }
            return order;
        }

        /** Puts {@code order[start..end)}, rows equal in their first keys and creation, in their tickets' order. */
        private void byTicket(Listed list, int[] order, int start, int end) {
            Integer[] tied = new Integer[end - start];
            for (int i = start; i < end; i++) {
                tied[i - start] = order[i];
            }
            Arrays.sort(tied, (x, y) -> run.compareTickets(list.at[x], list.length[x], list.at[y], list.length[y]));
            for (int i = start; i < end; i++) {
                order[i] = tied[i - start];
            }
        }

        /** A text's rank, none after every text (ranks and indexes are below 2^{@link #ORDINAL_BITS}). */
        private static int rankOf(int[] rank, int text) {
            return text < 0 ? rank.length : rank[text];
        }

        @Override
        public void close() {
            run.discard();
        }
    }

    /**
     * Rows into bytes, in the order of {@link TicketResult}'s fields, small: a number as a variable-length
     * integer (zigzag, 7 bits a byte), an instant as its whole seconds plus one (0 for none), text as
     * its length plus one and its UTF-8 bytes (0 for none), or as one number for the few words that most
     * of it is (tiers, statuses, sources). About 130 bytes a row: the file is read through a mapping,
     * which counts in the process's memory.
     */
    private static final class Encoder {

        // the staged values (in the order of StageWriter.RESULT_COLUMNS) the lists look at
        static final int SEVERITY = 2;
        static final int ACCOUNT_ID = 4;
        static final int INTEGRATION = 9;
        static final int POLICY_VERSION = 10;
        static final int ACK_STATUS = 17;
        static final int RESPONSE_STATUS = 18;
        static final int CREATED_AT = 21;

        /** The staged value of each of TicketResult's fields, in its order. */
        private static final int[] VALUES = {0, 4, 5, 3, 2, 6, 7, 9, 8, 10, 11, 13, 15, 17, 19, 12, 14, 16, 18, 20,
            21, 22, 23, 24};
        /** Each field's kind: text, number, instant. */
        private static final String KINDS = "TTTTNTTTTTNNITTNNITTIIII";

        /** Words written as a number: 1 + their index. Longer text is written as WORDS.length + 1 + its length. */
        static final String[] WORDS = {"ENTERPRISE", "SME", "SMB", "MET", "BREACHED", "EXEMPT", "ACKNOWLEDGED",
            "RESPONDED", "CLOSED"};
        private static final Map<String, Integer> WORD = new HashMap<>();

        static {
            for (int i = 0; i < WORDS.length; i++) {
                WORD.put(WORDS[i], i + 1);
            }
        }

        private byte[] bytes = new byte[64 * 1024];
        private int size;
        private int longest;

        int size() {
            return size;
        }

        void reset() {
            size = 0;
            longest = 0;
        }

        ByteBuffer bytes() {
            return ByteBuffer.wrap(bytes, 0, size);
        }

        void write(Object[] values) {
            int start = size;
            for (int field = 0; field < VALUES.length; field++) {
                Object value = values[VALUES[field]];
                switch (KINDS.charAt(field)) {
                    case 'T' -> text((String) value, field > 0); // the ticket id as bytes, to compare
                    case 'N' -> signed(((Number) value).longValue());
                    default -> {
                        if (value == null) {
                            unsigned(0);
                        } else {
                            signed(((Instant) value).getEpochSecond());
                        }
                    }
                }
            }
            longest = Math.max(longest, size - start);
        }

        /** ASCII (nearly all ticket text) is copied without encoding first. */
        private void text(String s, boolean words) {
            if (s == null) {
                unsigned(0);
                return;
            }
            Integer word = words ? WORD.get(s) : null;
            if (word != null) {
                unsigned(word);
                return;
            }
            int n = s.length();
            for (int i = 0; i < n; i++) {
                if (s.charAt(i) >= 0x80) {
                    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                    unsigned(WORDS.length + 1L + utf8.length);
                    ensure(utf8.length);
                    System.arraycopy(utf8, 0, bytes, size, utf8.length);
                    size += utf8.length;
                    return;
                }
            }
            unsigned(WORDS.length + 1L + n);
            ensure(n);
            for (int i = 0; i < n; i++) {
                bytes[size++] = (byte) s.charAt(i);
            }
        }

        /** Zigzag: small magnitudes of either sign in few bytes; an instant's seconds are shifted by one (0 is none). */
        private void signed(long v) {
            unsigned(((v << 1) ^ (v >> 63)) + 1);
        }

        private void unsigned(long v) {
            ensure(10);
            while ((v & ~0x7FL) != 0) {
                bytes[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            bytes[size++] = (byte) v;
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }

    /** Bytes back into a row, as {@link Encoder} wrote it. */
    private static final class Decoder {

        static TicketResult read(ByteBuffer b) {
            return new TicketResult(text(b), text(b), text(b), text(b), (int) number(b), text(b), text(b), text(b),
                    text(b), text(b), number(b), number(b), instant(b), text(b), text(b), number(b), number(b),
                    instant(b), text(b), text(b), instant(b), instant(b), instant(b), instant(b));
        }

        /** The ticket id a row begins with, as its UTF-8 bytes (positioned at them; returns their length). */
        static int ticketIdLength(ByteBuffer b) {
            return (int) (unsigned(b) - Encoder.WORDS.length - 1);
        }

        private static String text(ByteBuffer b) {
            long prefix = unsigned(b);
            if (prefix == 0) {
                return null;
            }
            if (prefix <= Encoder.WORDS.length) {
                return Encoder.WORDS[(int) prefix - 1];
            }
            byte[] utf8 = new byte[(int) (prefix - Encoder.WORDS.length - 1)];
            b.get(utf8);
            return new String(utf8, StandardCharsets.UTF_8);
        }

        private static long number(ByteBuffer b) {
            long v = unsigned(b) - 1;
            return (v >>> 1) ^ -(v & 1);
        }

        private static Instant instant(ByteBuffer b) {
            long v = unsigned(b);
            if (v == 0) {
                return null;
            }
            v -= 1;
            return Instant.ofEpochSecond((v >>> 1) ^ -(v & 1));
        }

        private static long unsigned(ByteBuffer b) {
            long v = 0;
            for (int shift = 0; ; shift += 7) {
                byte next = b.get();
                v |= (long) (next & 0x7F) << shift;
                if (next >= 0) {
                    return v;
                }
            }
        }
    }
}
