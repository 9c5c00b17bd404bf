package com.example.slacompliance.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The xlsx is a classic zip any reader opens; zip64 only when the classic form cannot be written. */
class StreamedWorkbookTest {

    @Test
    void theWorkbookIsAClassicZipThatAStreamingZipReaderReads() throws IOException {
        ByteArrayOutputStream bytes = written(workbook());

        assertThat(versionNeeded(bytes.toByteArray())).isEqualTo(20);
        List<String> entries = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                zip.readAllBytes();
                entries.add(e.getName());
            }
        }
        assertThat(entries).contains("xl/workbook.xml", "xl/worksheets/sheet1.xml");
        assertRows(bytes.toByteArray());
    }

    @Test
    void eachSheetsXmlIsWhatSxssfWritesThoughItsRowsWereDeflatedAsTheyWereWritten() throws IOException {
        ByteArrayOutputStream ours = written(workbook());
        ByteArrayOutputStream sxssf = new ByteArrayOutputStream();
        try (SXSSFWorkbook plain = new SXSSFWorkbook(10)) {
            fill(plain.createSheet("Breaches"));
            plain.setZip64Mode(Zip64Mode.Never); // as ours: the JDK's streaming reader cannot read zip64 entries
            plain.write(sxssf);
            plain.dispose();
        }
        assertThat(entry(ours.toByteArray(), "xl/worksheets/sheet1.xml"))
                .isEqualTo(entry(sxssf.toByteArray(), "xl/worksheets/sheet1.xml"));
    }

    @Test
    void aSheetsXmlReadBackThroughSxssfIsItsRowsInflated() throws IOException {
        StreamedWorkbook workbook = workbook();
        String rows;
        try (InputStream in = workbook.getSheetAt(0).getWorksheetXMLInputStream()) {
            rows = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String sheet = new String(entry(written(workbook).toByteArray(), "xl/worksheets/sheet1.xml"), StandardCharsets.UTF_8);
        assertThat(rows).startsWith("<row r=\"1\"").contains("<t>T499</t>");
        assertThat(sheet).contains("<sheetData>\n" + rows + "</sheetData>");
    }

    @Test
    void whenTheClassicZipCannotBeWrittenTheWorkbookIsWrittenAsZip64() throws IOException {
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        List<String> opened = new ArrayList<>();
        StreamedWorkbook workbook = workbook();
        try {
            workbook.writeTo(() -> {
                opened.add("output");
                return opened.size() == 1 ? failingAfter(2000) : second;
            });
        } finally {
            workbook.dispose();
            workbook.close();
        }

        assertThat(opened).hasSize(2);
        assertThat(versionNeeded(second.toByteArray())).isEqualTo(45);
        assertRows(second.toByteArray());
    }

    @Test
    void itsTemporarySheetFilesAreGoneOnceDisposed() throws IOException {
        List<Path> before = sheetFiles();
        StreamedWorkbook workbook = workbook(); // 500 rows through a window of 10: on disk already
        List<Path> mine = new ArrayList<>(sheetFiles());
        mine.removeAll(before);
        assertThat(mine).isNotEmpty();
        try {
            workbook.writeTo(OutputStream::nullOutputStream);
        } finally {
            workbook.dispose();
            workbook.close();
        }
        assertThat(mine).noneMatch(Files::exists);
    }

    /** SXSSF's temporary sheet files (POI's temporary folder is created with the first). */
    static List<Path> sheetFiles() throws IOException {
        Path folder = Path.of(System.getProperty("java.io.tmpdir"), "poifiles");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("poi-sxssf-sheet")).toList();
        }
    }

    /** The xlsx of a workbook, which is then disposed of. */
    private static ByteArrayOutputStream written(StreamedWorkbook workbook) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            workbook.writeTo(() -> bytes);
        } finally {
            workbook.dispose();
            workbook.close();
        }
        return bytes;
    }

    static StreamedWorkbook workbook() {
        StreamedWorkbook workbook = new StreamedWorkbook(10);
        fill(workbook.createSheet("Breaches"));
        return workbook;
    }

    private static void fill(Sheet sheet) {
        for (int i = 0; i < 500; i++) {
            var row = sheet.createRow(i);
            row.createCell(0).setCellValue("T" + i);
            row.createCell(1).setCellValue(i);
        }
    }

    /** An entry of a zip, read by the JDK's reader (which checks its CRC and sizes). */
    private static byte[] entry(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no " + name);
    }

    static void assertRows(byte[] xlsx) throws IOException {
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(read.getSheet("Breaches").getLastRowNum()).isEqualTo(499);
            assertThat(read.getSheet("Breaches").getRow(499).getCell(0).getStringCellValue()).isEqualTo("T499");
        }
    }

    /** "Version needed to extract" of the first local file header: 20 classic, 45 zip64. */
    static int versionNeeded(byte[] zip) {
        return (zip[4] & 0xFF) | (zip[5] & 0xFF) << 8;
    }

    static OutputStream failingAfter(int bytes) {
        return new FilterOutputStream(OutputStream.nullOutputStream()) {
            private int written;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                written += len;
                if (written > bytes) {
                    throw new IOException("no space left on device");
                }
            }

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }
        };
    }
}
