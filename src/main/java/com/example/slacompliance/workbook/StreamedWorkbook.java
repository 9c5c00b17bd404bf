package com.example.slacompliance.workbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.openxml4j.util.ZipArchiveThresholdInputStream;
import org.apache.poi.openxml4j.util.ZipEntrySource;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.apache.poi.xssf.usermodel.XSSFChartSheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streaming workbook the report is written into, set up for it:
 * <ul>
 * <li>the fastest deflate level for the xlsx: compression was a third of the time spent writing, the
 *     fastest level costs a fraction of that;</li>
 * <li>each sheet's XML (about 1 KB a listed row: 330 MB for a month of a million tickets) written by
 *     {@link SheetXml} through {@link Utf8Writer}, without the locks of the JDK's writers, and deflated
 *     for the xlsx as it is written ({@link DeflatedXml}), by the thread that writes the sheet, into a
 *     temporary file (in {@code java.io.tmpdir}); {@link #injectData} copies it into the zip as it is.
 *     Deflating it all in the zip at the end took a million tickets' workbook 1.4 to 1.9 s on one
 *     thread;</li>
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

    /**
     * SXSSF's zip of the template workbook with each sheet's rows put in, except that a sheet's rows
     * are not deflated here: they were deflated as they were written ({@link DeflatedXml}), and go in as
     * they are, between the sheet template's head and tail, deflated here (a few hundred bytes).
     */
    @Override
    protected void injectData(ZipEntrySource template, OutputStream out) throws IOException {
        Map<String, SXSSFSheet> sheetsByPart = new HashMap<>();
        for (int i = 0; i < getNumberOfSheets(); i++) {
            XSSFSheet sheet = getXSSFWorkbook().getSheetAt(i);
            if (!(sheet instanceof XSSFChartSheet)) {
                sheetsByPart.put(sheet.getPackagePart().getPartName().getName().substring(1), getSheetAt(i));
            }
        }
        ZipArchiveOutputStream zip = createArchiveOutputStream(out);
        try {
            Enumeration<? extends ZipArchiveEntry> entries = template.getEntries();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry entry = entries.nextElement();
                try (InputStream in = template.getInputStream(entry)) {
                    if (in instanceof ZipArchiveThresholdInputStream guarded) {
                        guarded.setGuardState(false); // as SXSSF: the template's parts are the workbook's own
                    }
                    SXSSFSheet sheet = sheetsByPart.get(entry.getName());
                    if (sheet != null) {
                        addSheet(zip, entry, in.readAllBytes(), sheet);
                    } else {
                        ZipArchiveEntry copy = like(entry);
                        if (entry.getSize() >= 0) {
                            copy.setSize(entry.getSize());
                        }
                        zip.putArchiveEntry(copy);
                        in.transferTo(zip);
                        zip.closeArchiveEntry();
                    }
                }
            }
        } finally {
            zip.finish();
            template.close();
        }
    }

    /** A sheet's entry: the template's XML up to its {@code sheetData}, the rows, then the rest of the template. */
    private void addSheet(ZipArchiveOutputStream zip, ZipArchiveEntry templateEntry, byte[] template, SXSSFSheet sheet)
            throws IOException {
        sheet.flushRows();
        SheetXml xml = xml(sheet);
        xml.close(); // the rows' last bytes, and the data's sync flush
        String text = new String(template, StandardCharsets.UTF_8);
        int empty = text.indexOf("<sheetData/>");
        int end = text.indexOf("</sheetData>");
        if (empty < 0 && end < 0) {
            throw new IOException("the template of " + templateEntry.getName() + " has no sheetData");
        }
        byte[] head = (empty >= 0 ? text.substring(0, empty) + "<sheetData>\n" : text.substring(0, end)) // as SXSSF
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = (empty >= 0 ? "</sheetData>" + text.substring(empty + "<sheetData/>".length()) : text.substring(end))
                .getBytes(StandardCharsets.UTF_8);
        DeflatedXml rows = xml.deflated();
        byte[] deflatedHead = DeflatedXml.deflate(head, false);
        byte[] deflatedTail = DeflatedXml.deflate(tail, true);
        ZipArchiveEntry entry = like(templateEntry);
        entry.setMethod(ZipArchiveEntry.DEFLATED);
        entry.setSize(head.length + rows.size() + tail.length);
        entry.setCompressedSize(deflatedHead.length + rows.deflatedSize() + deflatedTail.length);
        entry.setCrc(DeflatedXml.crcOfBoth(DeflatedXml.crcOfBoth(DeflatedXml.crc(head), rows.crc(), rows.size()),
                DeflatedXml.crc(tail), tail.length));
        try (InputStream data = xml.deflatedData()) {
            zip.addRawArchiveEntry(entry, new SequenceInputStream(Collections.enumeration(List.of(
                    new ByteArrayInputStream(deflatedHead), data, new ByteArrayInputStream(deflatedTail)))));
        }
    }

    /** An entry of the xlsx of the same name and time as one of the template. */
    private static ZipArchiveEntry like(ZipArchiveEntry template) {
        ZipArchiveEntry entry = new ZipArchiveEntry(template.getName());
        if (template.getTime() >= 0) {
            entry.setTime(template.getTime());
        }
        return entry;
    }

    @Override
    protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
        ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
        zip.setLevel(Deflater.BEST_SPEED);
        return zip;
    }
}
