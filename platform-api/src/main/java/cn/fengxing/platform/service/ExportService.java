package cn.fengxing.platform.service;

import cn.fengxing.audit.service.AuditLog;
import cn.fengxing.common.storage.BlobStore;
import cn.fengxing.tenancy.service.TenantWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Offboarding export: every row the township owns, as a zip of JSON Lines files, one per table
 * ({@code platform/TABLE.jsonl}, {@code tenant/TABLE.jsonl}), and every file it stored (report photos and their
 * thumbnails) under {@code files/KEY}. Tables are found in the catalog ({@link TenantTables}), files by the
 * township's key prefix, so a table or a kind of file added later is exported without touching this class.
 */
@ApplicationScoped
public class ExportService {

    @Inject
    TenantWork tenantWork;

    @Inject
    TenantTables tables;

    @Inject
    BlobStore blobs;

    @Inject
    AuditLog audit;

    public byte[] export(String code) {
        TenantService.require(code);
        return tenantWork.inTenant(code, () -> {
            audit.record(code, "tenant.export", code, Map.of());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
                for (TenantTables.Owned owned : tables.platformTables()) {
                    write(zip, "platform/" + owned.table(), tables.rowsAsJson(owned.table(), owned.column(), code));
                }
                for (String table : tables.tenantTables()) {
                    write(zip, "tenant/" + table, tables.rowsAsJson(table, "tenant_id", code));
                }
                for (String key : blobs.list(code + "/")) {
                    byte[] file = blobs.get(key).orElseThrow(() -> new IllegalStateException("file gone: " + key));
                    zip.putNextEntry(new ZipEntry("files/" + key));
                    zip.write(file);
                    zip.closeEntry();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        });
    }

    private static void write(ZipOutputStream zip, String name, List<String> rows) throws IOException {
        zip.putNextEntry(new ZipEntry(name + ".jsonl"));
        for (String row : rows) {
            zip.write(row.getBytes(StandardCharsets.UTF_8));
            zip.write('\n');
        }
        zip.closeEntry();
    }
}
