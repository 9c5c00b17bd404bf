package com.example.slacompliance.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Typed cells: text stays text and fits a cell, instants are dates in the zone or ISO text before 1900. */
class CellsTest {

    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    @Test
    void textWithinTheLimitIsKeptAsItIs() {
        String limit = "a".repeat(Cells.MAX_TEXT);
        assertThat(Cells.fit(limit)).isSameAs(limit);
    }

    @Test
    void textOverTheLimitIsCutWithAVisibleMark() {
        String cut = Cells.fit("a".repeat(Cells.MAX_TEXT + 1));
        assertThat(cut).hasSize(Cells.MAX_TEXT).endsWith(Cells.CUT_MARK);
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        int keep = Cells.MAX_TEXT - Cells.CUT_MARK.length();
        String emojiAcrossTheCut = "a".repeat(keep - 1) + "\uD83D\uDE00" + "b".repeat(100);
        String cut = Cells.fit(emojiAcrossTheCut);
        assertThat(cut).isEqualTo("a".repeat(keep - 1) + Cells.CUT_MARK);

        String emojiBeforeTheCut = "a".repeat(keep - 2) + "\uD83D\uDE00" + "b".repeat(100);
        assertThat(Cells.fit(emojiBeforeTheCut)).isEqualTo("a".repeat(keep - 2) + "\uD83D\uDE00" + Cells.CUT_MARK);
    }

    @Test
    void formulaLikeTextIsAStringCell() {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Row row = workbook.createSheet().createRow(0);
            cells(workbook).text(row, 0, "=1+1");
            assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("=1+1");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void instantsAreDateTimesInTheReportingZoneFromMarch1900() {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Row row = workbook.createSheet().createRow(0);
            Cells cells = cells(workbook);
            cells.instant(Cells.poi(row), 0, Instant.parse("2026-10-31T18:31:00Z"));
            cells.instant(Cells.poi(row), 1, Instant.parse("1899-12-31T12:00:00Z"));
            cells.instant(Cells.poi(row), 2, LocalDate.of(1900, 2, 28).atStartOfDay(KOLKATA).toInstant());
            cells.instant(Cells.poi(row), 3, LocalDate.of(1900, 3, 1).atStartOfDay(KOLKATA).toInstant());
            cells.date(row, 4, LocalDate.of(1900, 1, 1), cells.styles.date);

            Cell november = row.getCell(0);
            assertThat(DateUtil.isCellDateFormatted(november)).isTrue();
            assertThat(november.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.parse("2026-11-01T00:01"));
            // ISO text with the offset the zone had then (Madras time in 1899, not yet +05:30)
            assertThat(row.getCell(1).getStringCellValue()).matches("1899-12-31T17:\\d\\d:\\d\\d\\+05:\\d\\d:\\d\\d");
            assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(3).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.parse("1900-03-01T00:00"));
            assertThat(row.getCell(4).getStringCellValue()).isEqualTo("1900-01-01");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void durationsAreDayFractionsThatShowPast24Hours() {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Row row = workbook.createSheet().createRow(0);
            cells(workbook).duration(Cells.poi(row), 0, 26 * 3600L);
            assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(26 / 24.0);
            assertThat(new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(row.getCell(0))).isEqualTo("26:00");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static Cells cells(XSSFWorkbook workbook) {
        return new Cells(new Styles(workbook), KOLKATA);
    }
}
