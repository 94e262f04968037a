package cn.fengxing.rider.service;

import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.common.text.Text;
import cn.fengxing.common.text.SpreadsheetCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The rows of an uploaded roster spreadsheet, XLSX or CSV (told apart by content), each with its
 * row number as the file shows it. Blank rows are left out; cells are trimmed text.
 */
public final class RosterFile {

    /** One non-blank row: its number in the file (1 = first line) and its cells. */
    public record Line(int number, List<String> cells) {

        public String cell(int index) {
            return index >= 0 && index < cells.size() ? cells.get(index) : "";
        }
    }

    /** A column of an import, found by its English or Chinese header (an enum of them: rider roster, care records). */
    public interface Column {
        String name();

        String zh();

        boolean required();
    }

    private RosterFile() {
    }

    /** Where each known column is in the header row (the first of a header given twice); a missing required one is a 400. */
    public static <C extends Enum<C> & Column> Map<C, Integer> columns(Line header, Class<C> type) {
        Map<C, Integer> columns = new EnumMap<>(type);
        for (int i = 0; i < header.cells().size(); i++) {
            String text = header.cell(i);
            for (C c : type.getEnumConstants()) {
                if (c.name().equalsIgnoreCase(text) || c.zh().equals(text)) {
                    columns.putIfAbsent(c, i);
                }
            }
        }
        List<Violation> missing = Arrays.stream(type.getEnumConstants())
                .filter(c -> c.required() && !columns.containsKey(c))
                .map(c -> new Violation("columns." + c.name(), "rider.import-column", c.zh(), c.name())).toList();
        if (!missing.isEmpty()) {
            throw ProblemException.invalid(missing);
        }
        return columns;
    }

    /** A row's cell of a column ("" when the file has no such column); a NUL character is a 400 naming the cell. */
    public static <C extends Enum<C> & Column> String cell(Line line, Map<C, Integer> columns, C column) {
        Integer index = columns.get(column);
        return index == null ? "" : Text.requireNoNul("rows[" + line.number() + "]." + column.name(), line.cell(index));
    }

    /**
     * The uploaded file's bytes (form field file): none is a 400 problem ({@code missingKey}), and so is one over
     * {@link RiderImport#MAX_BYTES} or one that cannot be read.
     */
    public static byte[] upload(FileUpload file, String missingKey) {
        if (file == null) {
            throw ProblemException.badRequest(missingKey);
        }
        if (file.size() > RiderImport.MAX_BYTES) {
            throw ProblemException.badRequest("rider.import-too-large", RiderImport.MAX_BYTES / 1024 / 1024);
        }
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw ProblemException.badRequest("rider.import-unreadable");
        }
    }

    /** Reads at most {@code maxLines} non-blank rows; more is a 400 problem. */
    public static List<Line> read(byte[] content, int maxLines) {
        try {
            return ReadableWorkbook.isOOXMLZipHeader(content) ? xlsx(content, maxLines) : csv(content, maxLines);
        } catch (ProblemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // the parsers report a damaged file with assorted runtime exceptions
            throw ProblemException.badRequest("rider.import-unreadable");
        }
    }

    private static List<Line> xlsx(byte[] content, int maxLines) throws IOException {
        List<Line> lines = new ArrayList<>();
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(content));
             Stream<Row> rows = book.getFirstSheet().openStream()) {
            for (Row row : (Iterable<Row>) rows::iterator) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(row.getOptionalCell(i).map(RosterFile::text).orElse(""));
                }
                add(lines, row.getRowNum(), cells, maxLines);
            }
        }
        return lines;
    }

    /**
     * A cell as text; numbers (a phone typed into a number cell) without exponent or ".0"; a formula as the formula
     * it is (neutralised), never its last computed value.
     */
    private static String text(Cell cell) {
        if (cell.getType() == CellType.NUMBER) {
            return cell.asNumber().stripTrailingZeros().toPlainString();
        }
        if (cell.getType() == CellType.FORMULA) {
            return SpreadsheetCells.formula(cell.getFormula());
        }
        return cell.getText() == null ? "" : cell.getText().strip();
    }

    private static List<Line> csv(byte[] content, int maxLines) throws IOException {
        List<Line> lines = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(decode(content)), format)) {
            for (CSVRecord record : parser) {
                add(lines, (int) record.getRecordNumber(), record.toList(), maxLines);
            }
        }
        return lines;
    }

    private static void add(List<Line> lines, int number, List<String> cells, int maxLines) {
        if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
            return;
        }
        if (lines.size() == maxLines) {
            throw ProblemException.badRequest("rider.import-too-many", maxLines - 1);
        }
        List<String> clean = cells.stream().map(c -> c == null ? "" : c.strip().replace("\uFEFF", "")).toList();
        lines.add(new Line(number, clean));
    }

    /** UTF-8 (with or without BOM); Excel in China saves CSV as GBK, read as GB18030 when the bytes are not UTF-8. */
    private static String decode(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return new String(content, Charset.forName("GB18030"));
        }
    }
}
