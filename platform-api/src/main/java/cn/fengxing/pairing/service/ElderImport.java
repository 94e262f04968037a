package cn.fengxing.pairing.service;

import cn.fengxing.audit.service.AuditLog;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.common.text.Text;
import cn.fengxing.grid.entity.Community;
import cn.fengxing.identity.service.PersonName;
import cn.fengxing.pairing.api.ElderImportResult;
import cn.fengxing.pairing.api.ElderInput;
import cn.fengxing.pairing.entity.Elder;
import cn.fengxing.rider.service.RiderImport;
import cn.fengxing.rider.service.RosterFile;
import cn.fengxing.rider.service.RosterFile.Line;
import cn.fengxing.tenancy.service.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports elders from a spreadsheet (XLSX or CSV, header row in Chinese or English) through the riders' roster
 * reader and its limits. Every row is checked first; one bad row rejects the file with each row's errors
 * (rows[N].field) and nothing is written. A formula cell is refused, not stored. An elder already listed (same
 * community, name and address) is updated; a grid worker imports into their own communities only.
 */
@ApplicationScoped
public class ElderImport {

    /** Columns of an elder sheet, by their English and Chinese headers. */
    enum Column implements RosterFile.Column {
        community("社区", true), name("姓名", true), address("地址", true), phone("电话", false),
        familyContactName("家属姓名", false), familyContactPhone("家属电话", false), landmark("标志物", false),
        notes("备注", false), lon("经度", false), lat("纬度", false);

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

    /** What a cell that a spreadsheet would run starts with (the roster reader gives a formula cell as '=…). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    @Inject
    TenantContext tenant;

    @Inject
    CommunityStaff staff;

    @Inject
    AuditLog audit;

    /** The sheet to fill in: the header row (Chinese) and one example row, in the township's first community. */
    @Transactional
    public byte[] template() {
        String community = Community.<Community>findAll(io.quarkus.panache.common.Sort.by("code")).firstResultOptional()
                .map(c -> c.code).orElse("c01");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(bytes, "Fengxing", "1.0");
            Worksheet ws = workbook.newWorksheet("老人");
            Column[] columns = Column.values();
            String[] example = {community, "王秀兰", "月坛西街3号院2号楼1单元101", "13812345678", "李明", "010-6852-1001",
                "楼下有红色信报箱", "腿脚不便，敲门稍等", "116.345", "39.912"};
            for (int i = 0; i < columns.length; i++) {
                ws.value(0, i, columns[i].zh);
                ws.style(0, i).bold().set();
                ws.value(1, i, example[i]);
                ws.width(i, 18);
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Transactional
    public ElderImportResult importElders(byte[] content) {
        if (content.length > RiderImport.MAX_BYTES) {
            throw ProblemException.badRequest("rider.import-too-large", RiderImport.MAX_BYTES / 1024 / 1024);
        }
        List<Line> lines = RosterFile.read(content, RiderImport.MAX_ROWS + 1);
        if (lines.size() < 2) {
            throw ProblemException.badRequest("pairing.import-empty");
        }
        Map<Column, Integer> columns = RosterFile.columns(lines.get(0), Column.class);
        Map<String, Community> communities = new HashMap<>();
        for (Community c : Community.<Community>listAll()) {
            communities.put(c.code, c);
            communities.put(c.name, c);
        }
        List<Violation> violations = new ArrayList<>();
        List<Elder> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Line line : lines.subList(1, lines.size())) {
            Elder e = check(line, columns, communities, violations);
            if (e != null && !seen.add(key(e))) {
                violations.add(new Violation("rows[" + line.number() + "].name", "pairing.import-duplicate"));
            }
            rows.add(e);
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        Map<String, Elder> existing = new HashMap<>();
        Elder.<Elder>listAll().forEach(e -> existing.putIfAbsent(key(e), e));
        int created = 0;
        int updated = 0;
        for (Elder row : rows) {
            Elder e = existing.get(key(row));
            if (e == null) {
                row.persist();
                created++;
            } else {
                e.phone = row.phone;
                e.familyContactName = row.familyContactName;
                e.familyContactPhone = row.familyContactPhone;
                e.landmark = row.landmark;
                e.notes = row.notes;
                e.lon = row.lon;
                e.lat = row.lat;
                e.updatedAt = OffsetDateTime.now();
                updated++;
            }
        }
        audit.record(tenant.code(), "pairing.elder.import", null, Map.of("created", created, "updated", updated));
        return new ElderImportResult(created, updated);
    }

    private static String key(Elder e) {
        return e.communityId + "\u0001" + e.familyName + e.givenName + "\u0001" + e.address;
    }

    private Elder check(Line line, Map<Column, Integer> columns, Map<String, Community> communities,
                        List<Violation> violations) {
        String field = "rows[" + line.number() + "].";
        int before = violations.size();
        String communityText = RosterFile.cell(line, columns, Column.community);
        Community community = communities.get(communityText);
        if (community == null) {
            violations.add(new Violation(field + "community", "pairing.community-unknown", communityText));
        } else if (!staff.covers(community.id)) {
            violations.add(new Violation(field + "community", "pairing.community-not-yours", communityText));
        }
        String name = text(line, columns, Column.name, 40, true, field, violations);
        String[] parts = null;
        if (name != null) {
            parts = PersonName.split(name);
            if (parts == null || parts[0].length() > 20 || parts[1].isEmpty() || parts[1].length() > 20) {
                violations.add(new Violation(field + "name", "pairing.import-name", name));
            }
        }
        String address = text(line, columns, Column.address, 200, true, field, violations);
        String phone = phone(line, columns, Column.phone, field, violations);
        String contactName = text(line, columns, Column.familyContactName, 40, false, field, violations);
        String contactPhone = phone(line, columns, Column.familyContactPhone, field, violations);
        String landmark = text(line, columns, Column.landmark, 200, false, field, violations);
        String notes = text(line, columns, Column.notes, 500, false, field, violations);
        Double lon = coordinate(line, columns, Column.lon, 180, field, violations);
        Double lat = coordinate(line, columns, Column.lat, 90, field, violations);
        if ((lon == null) != (lat == null) && violations.size() == before) {
            violations.add(new Violation(field + "lat", "pairing.elder.lon-lat"));
        }
        if (violations.size() > before) {
            return null;
        }
        Elder e = new Elder();
        e.communityId = community.id;
        e.familyName = parts[0];
        e.givenName = parts[1];
        e.address = address;
        e.phone = phone;
        e.familyContactName = contactName;
        e.familyContactPhone = contactPhone;
        e.landmark = landmark;
        e.notes = notes;
        e.lon = lon;
        e.lat = lat;
        return e;
    }

    /** Free text, readable and within its length; a formula is refused. Empty is none. */
    private static String text(Line line, Map<Column, Integer> columns, Column column, int max, boolean required,
                               String field, List<Violation> violations) {
        String value = RosterFile.cell(line, columns, column);
        if (formula(value)) {
            violations.add(new Violation(field + column.name(), "pairing.import-formula"));
        } else if ((required && value.isEmpty()) || value.length() > max) {
            violations.add(new Violation(field + column.name(), "pairing.import-text", max));
        } else if (!Text.readable(value)) {
            violations.add(new Violation(field + column.name(), Text.READABLE));
        } else {
            return value.isEmpty() ? null : value;
        }
        return null;
    }

    private static boolean formula(String value) {
        String v = value.startsWith("'") ? value.substring(1) : value;
        return !v.isEmpty() && FORMULA_STARTS.indexOf(v.charAt(0)) >= 0;
    }

    /** A mobile or a landline (see ElderInput.PHONE), spaces dropped; empty is none. */
    private static String phone(Line line, Map<Column, Integer> columns, Column column, String field,
                                List<Violation> violations) {
        String value = RosterFile.cell(line, columns, column).replace(" ", "");
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > 20 || !value.matches(ElderInput.PHONE)) {
            violations.add(new Violation(field + column.name(), "pairing.import-phone", value.length() > 20 ? "" : value));
            return null;
        }
        return Elders.phone(value);
    }

    private static Double coordinate(Line line, Map<Column, Integer> columns, Column column, double limit,
                                     String field, List<Violation> violations) {
        String value = RosterFile.cell(line, columns, column);
        if (value.isEmpty()) {
            return null;
        }
        try {
            if (value.length() <= 20) {
                double d = Double.parseDouble(value);
                if (Double.isFinite(d) && Math.abs(d) <= limit) {
                    return d;
                }
            }
        } catch (NumberFormatException e) {
            // falls through to the violation
        }
        violations.add(new Violation(field + column.name(), "pairing.import-coordinate", limit));
        return null;
    }
}
