package cn.fengxing.platform.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every table that holds a township's rows, found in the catalog so a table added by a later migration is
 * exported and offboarded without touching this class: the tenant tables (a {@code tenant_id} column, row-level
 * security), the platform tables that reference the township's code (memberships, the figures of regional
 * comparison), the audit log (by {@code tenant_code}) and the tenant row itself.
 */
@ApplicationScoped
public class TenantTables {

    /** A table and the column that names the township in it. */
    public record Owned(String table, String column) {
    }

    /** A foreign key from {@code child} to {@code parent}; {@code nullable} columns besides tenant_id. */
    record Reference(String child, String parent, List<String> columns, boolean nullable) {
    }

    @Inject
    EntityManager em;

    /** Tenant tables (column tenant_id), by name. */
    @SuppressWarnings("unchecked")
    public List<String> tenantTables() {
        return em.createNativeQuery("""
                select c.relname from pg_class c
                  join pg_namespace n on n.oid = c.relnamespace
                  join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
                 where n.nspname = current_schema() and c.relkind in ('r', 'p')
                 order by c.relname""").getResultList();
    }

    /**
     * Platform tables whose rows belong to one township: those with a foreign key to the tenant row (other than
     * the tenant tables), the audit log, and the tenant table; by name.
     */
    public List<Owned> platformTables() {
        Set<String> tenantTables = new java.util.HashSet<>(tenantTables());
        List<Owned> owned = new ArrayList<>();
        for (Object[] row : rows("""
                select c.relname, a.attname from pg_constraint k
                  join pg_class c on c.oid = k.conrelid
                  join pg_namespace n on n.oid = c.relnamespace
                  join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
                 where k.contype = 'f' and k.confrelid = 'tenant'::regclass and cardinality(k.conkey) = 1
                   and n.nspname = current_schema()
                 order by c.relname""")) {
            if (!tenantTables.contains((String) row[0])) {
                owned.add(new Owned((String) row[0], (String) row[1]));
            }
        }
        owned.add(new Owned("audit_log", "tenant_code"));
        owned.add(new Owned("tenant", "code"));
        owned.sort(java.util.Comparator.comparing(Owned::table));
        return owned;
    }

    /**
     * Tenant tables in an order they can be emptied in: every table before the tables it references. A cycle of
     * references (a squad's leader is a rider of a squad) is broken at a reference whose columns may be null; the
     * answer names those references, whose columns are cleared before the deletes.
     */
    Deletion deletionOrder() {
        List<String> tables = tenantTables();
        List<Reference> references = new ArrayList<>();
        for (Object[] row : rows("""
                select c.relname, p.relname,
                       string_agg(a.attname, ',' order by a.attnum) filter (where a.attname <> 'tenant_id'),
                       bool_and(not a.attnotnull) filter (where a.attname <> 'tenant_id')
                  from pg_constraint k
                  join pg_class c on c.oid = k.conrelid
                  join pg_class p on p.oid = k.confrelid
                  join pg_namespace n on n.oid = c.relnamespace
                  join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any (k.conkey)
                 where k.contype = 'f' and n.nspname = current_schema() and c.oid <> p.oid
                 group by k.oid, c.relname, p.relname
                 order by c.relname, p.relname, k.oid""")) {
            String child = (String) row[0];
            String parent = (String) row[1];
            if (tables.contains(child) && tables.contains(parent)) {
                references.add(new Reference(child, parent,
                        row[2] == null ? List.of() : List.of(((String) row[2]).split(",")), Boolean.TRUE.equals(row[3])));
            }
        }
        List<Reference> cleared = new ArrayList<>();
        List<String> order = new ArrayList<>();
        Set<String> left = new TreeSet<>(tables);
        List<Reference> open = new ArrayList<>(references);
        while (!left.isEmpty()) {
            // a table no remaining table references can go now
            String next = left.stream().filter(t -> open.stream().noneMatch(r -> r.parent().equals(t)
                    && left.contains(r.child()))).findFirst().orElse(null);
            if (next != null) {
                order.add(next);
                left.remove(next);
                continue;
            }
            Reference breakable = open.stream().filter(r -> left.contains(r.child()) && left.contains(r.parent())
                    && r.nullable() && !r.columns().isEmpty()).findFirst().orElseThrow(() ->
                    new IllegalStateException("tenant tables reference each other in a cycle of required columns: "
                            + left));
            cleared.add(breakable);
            open.remove(breakable);
        }
        return new Deletion(cleared, order);
    }

    record Deletion(List<Reference> cleared, List<String> order) {
    }

    /** The rows of one table that belong to the township, as JSON text, in a stable order. */
    @SuppressWarnings("unchecked")
    List<String> rowsAsJson(String table, String column, String code) {
        // names come from the catalog, never from the request
        return em.createNativeQuery("select row_to_json(t)::text from \"" + table + "\" t where \"" + column
                + "\" = ?1 order by 1").setParameter(1, code).getResultList();
    }

    /**
     * Deletes every row of the township, in one statement per table, in the caller's transaction (bound to the
     * township, so row-level security allows exactly its rows); answers the rows deleted per table.
     */
    Map<String, Integer> deleteAll(String code) {
        Deletion deletion = deletionOrder();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Reference r : deletion.cleared()) {
            StringBuilder set = new StringBuilder();
            for (String column : r.columns()) {
                set.append(set.isEmpty() ? "" : ", ").append('"').append(column).append("\" = null");
            }
            em.createNativeQuery("update \"" + r.child() + "\" set " + set + " where tenant_id = ?1")
                    .setParameter(1, code).executeUpdate();
        }
        for (String table : deletion.order()) {
            counts.put(table, delete(table, "tenant_id", code));
        }
        // the platform's rows last: the deletes above mark figure days of the township, and the tenant row goes
        // after everything that references it
        List<Owned> platform = new ArrayList<>(platformTables());
        platform.sort(java.util.Comparator.comparing((Owned o) -> o.table().equals("tenant")));
        for (Owned o : platform) {
            counts.put(o.table(), delete(o.table(), o.column(), code));
        }
        return counts;
    }

    private int delete(String table, String column, String code) {
        return em.createNativeQuery("delete from \"" + table + "\" where \"" + column + "\" = ?1")
                .setParameter(1, code).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql) {
        return em.createNativeQuery(sql).getResultList();
    }
}
