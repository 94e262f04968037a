package cn.fengxing.care.service;

import cn.fengxing.audit.service.AuditLog;
import cn.fengxing.care.api.CareImportResult;
import cn.fengxing.care.api.CareKind;
import cn.fengxing.care.api.CareRecordInput;
import cn.fengxing.care.entity.CareRecord;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.common.text.Text;
import cn.fengxing.identity.service.Caller;
import cn.fengxing.rider.api.RiderSpec;
import cn.fengxing.rider.entity.Rider;
import cn.fengxing.rider.service.PersonalData;
import cn.fengxing.rider.service.RiderImport;
import cn.fengxing.rider.service.RosterFile;
import cn.fengxing.rider.service.RosterFile.Line;
import cn.fengxing.tenancy.service.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports care records from a spreadsheet (XLSX or CSV, header row in Chinese or English), through the riders'
 * roster reader and with its limits: every row is checked first, one bad row rejects the file with each row's
 * errors and nothing is imported. Rows name their rider by phone; free text is stored as text a spreadsheet will
 * not run.
 */
@ApplicationScoped
public class CareImport {

    /** Columns of a care sheet, by their English and Chinese headers. */
    enum Column implements RosterFile.Column {
        phone("手机号", true), kind("类别", true), givenOn("日期", true), title("事项", true), detail("详情", false),
        amount("金额", false), coverStart("保障开始", false), coverEnd("保障结束", false), reference("保单号", false),
        note("备注", false);

        final String zh;
        final boolean required;

        Column(String zh, boolean required) {
            this.zh = zh;
            this.required = required;
        }

        @Override
        public String zh() {
            return zh;
        }

        @Override
        public boolean required() {
            return required;
        }
    }

    private static final Pattern DATE = Pattern.compile("^(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?$");
    /** Spreadsheets count days from 1899-12-30: a date cell read as its number. */
    private static final LocalDate SERIAL_ZERO = LocalDate.of(1899, 12, 30);
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000");

    @Inject
    AuditLog audit;

    @Inject
    TenantContext tenant;

    @Inject
    Caller caller;

    @Transactional
    public CareImportResult importRecords(byte[] content) {
        if (content.length > RiderImport.MAX_BYTES) {
            throw ProblemException.badRequest("rider.import-too-large", RiderImport.MAX_BYTES / 1024 / 1024);
        }
        List<Line> lines = RosterFile.read(content, RiderImport.MAX_ROWS + 1);
        if (lines.size() < 2) {
            throw ProblemException.badRequest("care.import-empty");
        }
        Map<Column, Integer> columns = RosterFile.columns(lines.get(0), Column.class);
        List<Violation> violations = new ArrayList<>();
        List<CareRecord> records = new ArrayList<>();
        Map<String, Rider> riders = new HashMap<>();
        for (Line line : lines.subList(1, lines.size())) {
            CareRecord r = check(line, columns, riders, violations);
            if (r != null) {
                records.add(r);
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        String by = caller.subject();
        for (CareRecord r : records) {
            r.recordedBy = by;
            r.persist();
        }
        audit.record(tenant.code(), "care.import", null, Map.of("rows", records.size()));
        return new CareImportResult(records.size());
    }

    private static CareRecord check(Line line, Map<Column, Integer> columns, Map<String, Rider> riders,
                                    List<Violation> violations) {
        String field = "rows[" + line.number() + "].";
        int before = violations.size();
        String phone = PersonalData.normalisePhone(RosterFile.cell(line, columns, Column.phone));
        Rider rider = null;
        if (!phone.matches(RiderSpec.PHONE)) {
            violations.add(new Violation(field + "phone", "rider.import-phone", phone));
        } else {
            rider = riders.computeIfAbsent(phone, p -> Rider.byPhone(p).orElse(null));
            if (rider == null) {
                violations.add(new Violation(field + "phone", "care.import-rider", PersonalData.maskPhone(phone)));
            }
        }
        String kindText = RosterFile.cell(line, columns, Column.kind);
        CareKind kind = CareKind.parse(kindText).orElse(null);
        if (kind == null) {
            violations.add(new Violation(field + "kind", "care.import-kind", kindText));
        }
        LocalDate givenOn = date(line, columns, Column.givenOn, field, violations);
        if (givenOn == null && RosterFile.cell(line, columns, Column.givenOn).isEmpty()) {
            violations.add(new Violation(field + "givenOn", "care.import-date", ""));
        }
        String title = text(line, columns, Column.title, 100, true, field, violations);
        String detail = text(line, columns, Column.detail, 500, false, field, violations);
        String note = text(line, columns, Column.note, 500, false, field, violations);
        BigDecimal amount = amount(RosterFile.cell(line, columns, Column.amount), field, violations);
        LocalDate coverStart = date(line, columns, Column.coverStart, field, violations);
        LocalDate coverEnd = date(line, columns, Column.coverEnd, field, violations);
        CareRecords.checkCover(kind, coverStart, coverEnd, field, violations);
        String reference = RosterFile.cell(line, columns, Column.reference);
        if (!reference.isEmpty() && (reference.length() > 64 || !reference.matches(CareRecordInput.REFERENCE))) {
            violations.add(new Violation(field + "reference", "care.import-reference"));
        }
        if (violations.size() > before) {
            return null;
        }
        CareRecord r = new CareRecord();
        r.riderId = rider.id;
        r.kind = kind.code();
        r.givenOn = givenOn;
        r.title = title;
        r.detail = detail;
        r.note = note;
        r.amount = amount;
        r.coverStart = coverStart;
        r.coverEnd = coverEnd;
        r.reference = reference.isEmpty() ? null : reference;
        return r;
    }

    /** Free text, readable and within its length, stored neutralised (a formula cell stays the text it was). */
    private static String text(Line line, Map<Column, Integer> columns, Column column, int max, boolean required,
                               String field, List<Violation> violations) {
        String value = RosterFile.cell(line, columns, column);
        if ((required && value.isEmpty()) || value.length() > max) {
            violations.add(new Violation(field + column.name(), "care.import-text", max));
        } else if (!Text.readable(value)) {
            violations.add(new Violation(field + column.name(), Text.READABLE));
        }
        return CareRecords.cellText(value);
    }

    /** 2026-07-01, 2026/7/1, 2026.7.1, 2026年7月1日, or a date cell (its day number); empty is none. */
    private static LocalDate date(Line line, Map<Column, Integer> columns, Column column, String field,
                                  List<Violation> violations) {
        String value = RosterFile.cell(line, columns, column);
        if (value.isEmpty()) {
            return null;
        }
        try {
            if (value.matches("^\\d{5}$")) {
                return SERIAL_ZERO.plusDays(Long.parseLong(value));
            }
            Matcher m = DATE.matcher(value);
            if (m.matches()) {
                LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
                if (d.getYear() >= 2000 && d.getYear() <= 2100) {
                    return d;
                }
            }
        } catch (DateTimeException e) {
            // falls through to the violation
        }
        violations.add(new Violation(field + column.name(), "care.import-date", value));
        return null;
    }

    /** Yuan, with up to two decimals; ¥, 元 and thousands separators allowed; empty is none. */
    private static BigDecimal amount(String text, String field, List<Violation> violations) {
        String value = text.replace(",", "").replace("¥", "").replace("￥", "").replace("元", "").strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value);
            if (amount.signum() >= 0 && amount.compareTo(MAX_AMOUNT) <= 0 && amount.stripTrailingZeros().scale() <= 2
                    && value.length() <= 16) {
                return amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // falls through to the violation
        }
        violations.add(new Violation(field + "amount", "care.import-amount", text));
        return null;
    }
}
