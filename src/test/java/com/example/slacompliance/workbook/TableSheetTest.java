package com.example.slacompliance.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.slacompliance.workbook.TableSheet.Column;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A list longer than a sheet's row limit continues on numbered sheets, each a complete table. */
class TableSheetTest {

    static final List<Column> COLUMNS = List.of(new Column("Ticket", 12), new Column("Subject", 30));

    @ParameterizedTest(name = "listed as XML: {0}")
    @ValueSource(booleans = {false, true})
    void rowsPastTheLimitContinueOnNumberedSheetsEachWithItsHeader(boolean listed) throws IOException {
        XSSFWorkbook read = write(12, 5, listed);

        assertThat(names(read)).containsExactly("Breaches", "Breaches (2)", "Breaches (3)", "Policy");
        List<String> tickets = new ArrayList<>();
        for (String name : List.of("Breaches", "Breaches (2)", "Breaches (3)")) {
            XSSFSheet sheet = read.getSheet(name);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Ticket");
            assertThat(sheet.getLastRowNum()).as(name).isEqualTo(4); // 5 rows: the header and 4
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:B5");
            assertThat(sheet.getCTWorksheet().getDimension().getRef()).isEqualTo("A1:B5");
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                tickets.add(sheet.getRow(r).getCell(0).getStringCellValue());
            }
        }
        assertThat(tickets).containsExactly("T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12");
    }

    @Test
    void aListThatFitsStaysOnOneSheet() throws IOException {
        XSSFWorkbook read = write(4, 5, true);

        assertThat(names(read)).containsExactly("Breaches", "Policy");
        assertThat(read.getSheet("Breaches").getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:B5");
    }

    @Test
    void anEmptyListIsAHeaderWithItsFilter() throws IOException {
        XSSFWorkbook read = write(0, 5, true);

        assertThat(read.getSheet("Breaches").getLastRowNum()).isZero();
        assertThat(read.getSheet("Breaches").getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:B1");
    }

    @Test
    void aLimitWithoutRoomForARowIsRefused() {
        try (StreamedWorkbook workbook = new StreamedWorkbook(10)) {
            assertThatThrownBy(() -> new TableSheet(workbook, new Styles(workbook), "Breaches", COLUMNS, 1))
                    .isInstanceOf(IllegalArgumentException.class);
            workbook.dispose();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Writes {@code rows} rows (as POI rows, or listed as XML) with a limit of {@code maxRows}, then a sheet after them, and reads it all back. */
    static XSSFWorkbook write(int rows, int maxRows, boolean listed) throws IOException {
        StreamedWorkbook workbook = new StreamedWorkbook(2); // a tiny window: rows are flushed as they would be in a long month
        try {
            Styles styles = new Styles(workbook);
            TableSheet table = new TableSheet(workbook, styles, "Breaches", COLUMNS, maxRows);
            for (int i = 1; i <= rows; i++) {
                Cells.Target row = listed ? table.nextListed() : Cells.poi(table.next());
                row.text(0, "T" + i, styles.text);
                row.text(1, "Subject " + i, styles.text);
            }
            table.finish();
            new TableSheet(workbook, styles, "Policy", COLUMNS, maxRows).finish();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            workbook.write(bytes);
            return new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()));
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    static List<String> names(XSSFWorkbook workbook) {
        List<String> names = new ArrayList<>();
        for (Sheet sheet : workbook) {
            names.add(sheet.getSheetName());
        }
        return names;
    }
}
