package com.example.slacompliance.workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streaming workbook the report is written into, set up for it:
 * <ul>
 * <li>the fastest deflate level for the xlsx: compression was a third of the time spent writing, the
 *     fastest level costs a fraction of that;</li>
 * <li>plain temporary sheet files (in {@code java.io.tmpdir}, about 1 KB a listed row: 330 MB for a
 *     month of a million tickets), written by {@link SheetXml} through {@link Utf8Writer}, without the
 *     locks of the JDK's writers. Compressing them too took a quarter of the workbook step;</li>
 * <li>a classic zip file, which every spreadsheet program and zip reader opens. POI's default is its
 *     zip64 form, whose entries some readers reject; it is used only when a sheet's XML is too large
 *     for a classic zip (over 4 GB: a million rows of very long text).</li>
 * </ul>
 */
final class StreamedWorkbook extends SXSSFWorkbook {

    private static final Logger log = LoggerFactory.getLogger(StreamedWorkbook.class);

    /** Where the xlsx goes; opened afresh for each attempt. */
    interface Output {
        OutputStream open() throws IOException;
    }

    private final Map<SXSSFSheet, SheetXml> writers = new IdentityHashMap<>();
    private SheetXml lastWriter;

    StreamedWorkbook(int rowAccessWindow) {
        super(rowAccessWindow);
        setZip64Mode(Zip64Mode.Never);
    }

    void writeTo(Path file) throws IOException {
        writeTo(() -> Files.newOutputStream(file));
    }

    /**
     * Writes the xlsx as a classic zip, or, when that fails, once more in POI's zip64 form: POI does not
     * pass on why a write failed, and a second failure (a full disk) is reported with the first.
     */
    void writeTo(Output output) throws IOException {
        try (OutputStream out = output.open()) {
            write(out);
        } catch (IOException classic) {
            log.warn("the workbook could not be written as a classic zip ({}); writing it as zip64",
                    classic.getMessage());
            setZip64Mode(Zip64Mode.Always);
            try (OutputStream out = output.open()) {
                write(out);
            } catch (IOException zip64) {
                zip64.addSuppressed(classic);
                throw zip64;
            }
        }
    }

    /** Creates a sheet whose XML goes through a {@link SheetXml}, which {@link #xml} returns. */
    @Override
    public synchronized SXSSFSheet createSheet(String name) {
        SXSSFSheet sheet = super.createSheet(name);
        writers.put(sheet, lastWriter);
        return sheet;
    }

    /** The XML of a sheet this workbook created, to write its long list into. */
    synchronized SheetXml xml(SXSSFSheet sheet) {
        return writers.get(sheet);
    }

    /** Called by each new sheet (in {@link #createSheet}) for the writer of its XML. */
    @Override
    protected SheetDataWriter createSheetDataWriter() throws IOException {
        lastWriter = new SheetXml(getSharedStringSource());
        return lastWriter;
    }

    @Override
    protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
        ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
        zip.setLevel(Deflater.BEST_SPEED);
        return zip;
    }
}
