package cn.fengxing.rider.service;

import cn.fengxing.audit.service.AuditLog;
import cn.fengxing.common.problem.ProblemException;
import cn.fengxing.common.problem.ProblemException.Violation;
import cn.fengxing.common.text.SpreadsheetCells;
import cn.fengxing.common.text.Text;
import cn.fengxing.rider.api.ImportResult;
import cn.fengxing.rider.api.Platform;
import cn.fengxing.rider.api.RiderSpec;
import cn.fengxing.rider.entity.Rider;
import cn.fengxing.rider.entity.Squad;
import cn.fengxing.rider.service.RosterFile.Line;
import cn.fengxing.tenancy.service.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Imports a rider roster (XLSX or CSV, header row in Chinese or English). Every row is checked
 * before anything is written: one bad row rejects the file with each row's errors, and nothing
 * is imported. Riders are matched by phone; imported riders are active and bound to a person when
 * that person registers with the same phone.
 */
@ApplicationScoped
public class RiderImport {

    public static final int MAX_ROWS = 5_000;
    public static final long MAX_BYTES = 5L * 1024 * 1024;

    /** Columns of the roster, by their English and Chinese headers. */
    enum Column implements RosterFile.Column {
        name("姓名", true), phone("手机号", true), idNumber("身份证号", false), platform("平台", true),
        depot("站点", false), squad("小分队", false);

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

    /** A checked row. */
    private record Entry(String name, String phone, String idNumber, Platform platform, String depot,
                         Squad squad, Rider existing) {
    }

    @Inject
    AuditLog audit;

    @Inject
    TenantContext tenant;

    @Transactional
    public ImportResult importRoster(byte[] content) {
        if (content.length > MAX_BYTES) {
            throw ProblemException.badRequest("rider.import-too-large", MAX_BYTES / 1024 / 1024);
        }
        List<Line> lines = RosterFile.read(content, MAX_ROWS + 1);
        if (lines.size() < 2) {
            throw ProblemException.badRequest("rider.import-empty");
        }
        Map<Column, Integer> columns = RosterFile.columns(lines.get(0), Column.class);
        List<Violation> violations = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> phones = new HashMap<>();
        Map<String, Squad> squads = new HashMap<>();
        for (Line line : lines.subList(1, lines.size())) {
            Entry e = check(line, columns, phones, squads, violations);
            if (e != null) {
                entries.add(e);
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        int created = 0;
        int updated = 0;
        for (Entry e : entries) {
            Rider r = e.existing();
            if (r == null) {
                r = new Rider();
                r.name = e.name();
                r.phone = e.phone();
                r.status = Rider.ACTIVE;
                write(r, e);
                r.persist();
                created++;
            } else if (!same(r, e)) {
                write(r, e);
                r.updatedAt = OffsetDateTime.now();
                updated++;
            }
        }
        ImportResult result = new ImportResult(created, updated, entries.size() - created - updated);
        audit.record(tenant.code(), "rider.import", null,
                Map.of("rows", entries.size(), "created", created, "updated", updated));
        return result;
    }

    private static Entry check(Line line, Map<Column, Integer> columns, Map<String, Integer> phones,
                               Map<String, Squad> squads, List<Violation> violations) {
        String field = "rows[" + line.number() + "].";
        int before = violations.size();
        String name = cell(line, columns, Column.name);
        if (name.isEmpty() || name.length() > 50) {
            violations.add(new Violation(field + "name", "rider.import-name"));
        } else if (!Text.readable(name)) {
            violations.add(new Violation(field + "name", Text.READABLE));
        }
        // free text is stored as text a spreadsheet will not run; the phone is read as a phone
        name = SpreadsheetCells.neutralise(name);
        String phone = PersonalData.normalisePhone(cell(line, columns, Column.phone));
        if (!phone.matches(RiderSpec.PHONE)) {
            violations.add(new Violation(field + "phone", "rider.import-phone", phone));
        } else if (phones.putIfAbsent(phone, line.number()) != null) {
            violations.add(new Violation(field + "phone", "rider.import-duplicate", phones.get(phone)));
        }
        String idNumber = PersonalData.normaliseIdNumber(cell(line, columns, Column.idNumber));
        if (idNumber != null && !PersonalData.validIdNumber(idNumber)) {
            violations.add(new Violation(field + "idNumber", "rider.import-id-number"));
        }
        String platformText = cell(line, columns, Column.platform);
        Platform platform = Platform.parse(platformText).orElse(null);
        if (platform == null) {
            violations.add(new Violation(field + "platform", "rider.import-platform", platformText));
        }
        String depot = cell(line, columns, Column.depot);
        if (depot.length() > 100) {
            violations.add(new Violation(field + "depot", "rider.import-depot"));
        } else if (!Text.readable(depot)) {
            violations.add(new Violation(field + "depot", Text.READABLE));
        }
        depot = SpreadsheetCells.neutralise(depot);
        String squadName = cell(line, columns, Column.squad);
        Squad squad = squadName.isEmpty() ? null
                : squads.computeIfAbsent(squadName, n -> Squad.<Squad>find("name", n).firstResult());
        if (!squadName.isEmpty() && squad == null) {
            violations.add(new Violation(field + "squad", "rider.import-squad", squadName));
        }
        Rider existing = phone.matches(RiderSpec.PHONE) ? Rider.byPhone(phone).orElse(null) : null;
        if (existing != null && !sameRider(existing, name, idNumber)) {
            violations.add(new Violation(field + "phone", "rider.import-phone-taken", PersonalData.maskPhone(phone)));
        }
        if (violations.size() > before) {
            return null;
        }
        return new Entry(name, phone, idNumber, platform, depot.isEmpty() ? null : depot, squad, existing);
    }

    /** A stored rider with the row's phone is the same person when the name (and the ID number, if both have one) agree. */
    private static boolean sameRider(Rider r, String name, String idNumber) {
        return r.name.equals(name) && (r.idNumber == null || idNumber == null || r.idNumber.equals(idNumber));
    }

    private static String cell(Line line, Map<Column, Integer> columns, Column column) {
        return RosterFile.cell(line, columns, column);
    }

    private static void write(Rider r, Entry e) {
        r.platform = e.platform().code();
        r.depot = e.depot();
        if (e.idNumber() != null) {
            r.idNumber = e.idNumber();
        }
        if (e.squad() != null) {
            r.squadId = e.squad().id;
        }
    }

    private static boolean same(Rider r, Entry e) {
        return r.platform.equals(e.platform().code()) && Objects.equals(r.depot, e.depot())
                && (e.idNumber() == null || e.idNumber().equals(r.idNumber))
                && (e.squad() == null || e.squad().id.equals(r.squadId));
    }
}
