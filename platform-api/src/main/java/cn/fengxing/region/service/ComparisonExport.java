package cn.fengxing.region.service;

import cn.fengxing.common.problem.Messages;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.common.text.SpreadsheetCells;
import cn.fengxing.region.api.Comparison;
import cn.fengxing.region.api.ComparisonRow;
import cn.fengxing.region.api.FigureView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The comparison table as a file, exactly as shown: the chosen figures in their order, the townships in the chosen
 * order, then the region row; above it the region, the period and when the file was made. Shares are percentages,
 * durations and ratings one decimal, as the table shows them. Text cells are neutralised against formulas.
 */
@ApplicationScoped
public class ComparisonExport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    RegionComparison comparison;

    @Inject
    FigureRegistry registry;

    /** The table to write: title lines, the header and the rows of cells (text or numbers). */
    record Sheet(List<String> title, List<String> header, List<List<Object>> rows) {
    }

    Sheet sheet(String path, String period, List<String> figureKeys, String sort, String order, Locale locale) {
        Comparison c = comparison.compare(path, period, locale);
        List<String> keys = registry.figures("figures", figureKeys).stream().map(Figure::key).toList();
        boolean descending = order == null || order.isBlank() || order.equals("desc");
        if (order != null && !order.isBlank() && !order.equals("asc") && !order.equals("desc")) {
            throw ProblemException.invalid(List.of(new Violation("order", "region.order", order)));
        }
        Map<String, FigureView> views = new HashMap<>();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < c.figures().size(); i++) {
            views.put(c.figures().get(i).key(), c.figures().get(i));
            index.put(c.figures().get(i).key(), i);
        }
        List<ComparisonRow> rows = new ArrayList<>(c.rows());
        if (sort != null && !sort.isBlank()) {
            int column = index.get(registry.figure("sort", sort).key());
            Comparator<ComparisonRow> byValue = Comparator.comparing(r -> r.values().get(column),
                    Comparator.nullsFirst(Comparator.<Double>naturalOrder()));
            rows.sort(descending ? byValue.reversed() : byValue);
        }
        String now = TIME.format(OffsetDateTime.now(RegionComparison.REGION_ZONE));
        List<String> title = List.of(
                Messages.get(locale, "region.export.title", c.region().name()),
                Messages.get(locale, "region.export.period", c.period().key(), c.period().from(), c.period().to()),
                Messages.get(locale, "region.export.generated", now, TIME.format(
                        c.dataAsOf().atZoneSameInstant(RegionComparison.REGION_ZONE))));
        List<String> header = new ArrayList<>(List.of(Messages.get(locale, "region.export.township"),
                Messages.get(locale, "region.export.region")));
        keys.forEach(k -> header.add(views.get(k).label() + unit(views.get(k), locale)));
        List<List<Object>> out = new ArrayList<>();
        for (ComparisonRow r : rows) {
            List<Object> cells = new ArrayList<>(List.of(name(r.name(), r.nameEn(), locale), r.regionPath()));
            keys.forEach(k -> cells.add(shown(views.get(k), r.values().get(index.get(k)))));
            out.add(cells);
        }
        List<Object> regionRow = new ArrayList<>(List.of(Messages.get(locale, "region.export.regionRow", c.region().name()), ""));
        keys.forEach(k -> regionRow.add(shown(views.get(k), c.regionRow().values().get(index.get(k)))));
        out.add(regionRow);
        return new Sheet(title, header, out);
    }

    public byte[] csv(String path, String period, List<String> figures, String sort, String order, Locale locale) {
        Sheet sheet = sheet(path, period, figures, sort, order, locale);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
            bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // BOM: Excel then reads UTF-8
            for (String line : sheet.title()) {
                csv.printRecord(SpreadsheetCells.neutralise(line));
            }
            csv.println();
            csv.printRecord(sheet.header().stream().map(SpreadsheetCells::neutralise).toList());
            for (List<Object> row : sheet.rows()) {
                csv.printRecord(row.stream().map(v -> v instanceof String s ? SpreadsheetCells.neutralise(s)
                        : v == null ? "" : ((BigDecimal) v).toPlainString()).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public byte[] xlsx(String path, String period, List<String> figures, String sort, String order, Locale locale) {
        Sheet sheet = sheet(path, period, figures, sort, order, locale);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(bytes, "Fengxing", "1.0");
            Worksheet ws = workbook.newWorksheet(Messages.get(locale, "region.export.sheet"));
            int row = 0;
            for (String line : sheet.title()) {
                ws.value(row++, 0, SpreadsheetCells.neutralise(line));
            }
            row++;
            for (int col = 0; col < sheet.header().size(); col++) {
                ws.value(row, col, SpreadsheetCells.neutralise(sheet.header().get(col)));
                ws.style(row, col).bold().set();
            }
            for (List<Object> cells : sheet.rows()) {
                row++;
                for (int col = 0; col < cells.size(); col++) {
                    Object v = cells.get(col);
                    if (v instanceof String s) {
                        ws.value(row, col, SpreadsheetCells.neutralise(s));
                    } else if (v != null) {
                        ws.value(row, col, (BigDecimal) v);
                    }
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The value as the table shows it: a share as a percentage, a count whole, others to one decimal. */
    static BigDecimal shown(FigureView figure, Double value) {
        if (value == null) {
            return null;
        }
        return switch (figure.unit()) {
            case count -> BigDecimal.valueOf(Math.round(value));
            case share -> BigDecimal.valueOf(value * 100).setScale(1, RoundingMode.HALF_UP);
            default -> BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
        };
    }

    private static String unit(FigureView figure, Locale locale) {
        return figure.unit() == Figure.Unit.count ? "" : " (" + Messages.get(locale, "region.unit." + figure.unit()) + ")";
    }

    private static String name(String zh, String en, Locale locale) {
        return Locale.ENGLISH.equals(locale) && en != null ? en : zh;
    }
}
