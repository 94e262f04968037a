package cn.fengxing.admin;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * {@code offboard CODE -o FILE [--yes]}: export a suspended tenant to FILE, check the archive is whole, then
 * delete the tenant for good (DELETE /api/platform/tenants/{code}?confirm={code}) once the operator typed its code
 * (or passed --yes). Nothing is deleted unless the export was written and read back completely.
 */
@Command(name = "offboard", mixinStandardHelpOptions = true,
        description = {
                "Offboard a suspended tenant: export all of its data to FILE, verify the archive, then delete the",
                "tenant and all of its data and files for good. Asks to type the tenant code unless --yes is given.",
                "Its code can be onboarded again afterwards with 'apply'."})
final class OffboardCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CODE", description = "tenant code, e.g. ningxiang")
    String code;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true,
            description = "where to write the export (zip) first; must not exist yet")
    Path output;

    @Option(names = {"-y", "--yes"}, description = "do not ask for confirmation (for scripts)")
    boolean yes;

    @Override
    public Integer call() {
        if (Files.exists(output)) {
            throw CliException.usage("--output " + output + " exists; offboarding never replaces an earlier export,"
                    + " name a new file");
        }
        String path = "/api/platform/tenants/" + ApiClient.pathSegment(code);
        PrintWriter out = spec.commandLine().getOut();
        JsonNode tenant = main.client().call("GET", path, Map.of(), null);
        String status = tenant == null ? "" : tenant.path("status").asText("");
        if (!"suspended".equals(status)) {
            throw new CliException(CliException.FAILURE, "tenant " + code + " is " + (status.isEmpty() ? "not suspended"
                    : status) + "; suspend it first ('tenant-admin suspend " + code + "'), nothing was exported or deleted");
        }

        long bytes = main.client().download(path + "/export", output, "application/zip");
        int entries = verify();
        out.println("exported tenant " + code + ": " + bytes + " bytes, " + entries + " entries, to " + output);

        if (!yes && !confirmed(out, tenant.path("name").asText(""))) {
            throw new CliException(CliException.FAILURE, "not confirmed; tenant " + code + " was not deleted"
                    + " (its export stays in " + output + ")");
        }
        JsonNode result = main.client().call("DELETE", path, Map.of("confirm", code), null);
        int rows = 0;
        int tables = 0;
        if (result != null) {
            for (Iterator<JsonNode> counts = result.path("rows").elements(); counts.hasNext(); ) {
                int n = counts.next().asInt();
                rows += n;
                tables += n > 0 ? 1 : 0;
            }
        }
        int files = result == null ? 0 : result.path("files").asInt();
        out.println("offboarded tenant " + code + ": deleted " + rows + " rows in " + tables + " tables and "
                + files + " files; its export is " + output);
        return 0;
    }

    /**
     * Reads the archive back: every entry whole (its checksum checked by reading it through), and the tenant's
     * own row in it. Answers the number of entries; a bad archive ends the command before anything is deleted.
     */
    private int verify() {
        try (ZipFile zip = new ZipFile(output.toFile(), StandardCharsets.UTF_8)) {
            int count = 0;
            boolean tenantRow = false;
            byte[] buffer = new byte[64 * 1024];
            for (ZipEntry entry : Collections.list(zip.entries())) {
                count++;
                try (InputStream in = zip.getInputStream(entry)) {
                    if (entry.getName().equals("platform/tenant.jsonl")) {
                        String rows = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                        tenantRow = rows.contains("\"code\":\"" + code + "\"");
                    } else {
                        while (in.read(buffer) >= 0) {
                            // reading to the end checks the entry's CRC
                        }
                    }
                }
            }
            if (!tenantRow) {
                throw new CliException(CliException.FAILURE, "the export in " + output + " does not hold tenant "
                        + code + "'s own row (platform/tenant.jsonl); nothing was deleted");
            }
            return count;
        } catch (IOException e) {
            throw new CliException(CliException.FAILURE, "the export in " + output + " is not a whole zip archive ("
                    + e.getMessage() + "); nothing was deleted");
        }
    }

    private boolean confirmed(PrintWriter out, String name) {
        out.println("This deletes tenant " + code + (name.isEmpty() ? "" : " (" + name + ")")
                + " and all of its data and files for good.");
        out.print("Type the tenant code to confirm: ");
        out.flush();
        String answer;
        try {
            answer = main.input().readLine();
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null) {
            out.println();
        }
        return answer != null && answer.strip().equals(code);
    }
}
