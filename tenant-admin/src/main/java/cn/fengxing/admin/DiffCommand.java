package cn.fengxing.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code diff -f FILE}: what {@code apply -f FILE} would change, from the API's dry run (nothing is saved).
 * Exits 0 when the tenant already matches the manifest and {@link #CHANGES} (4) when applying would change it,
 * so scripts and CI can check for drift.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {
                "Show what 'apply -f FILE' would change, without saving anything (the API's dry run).",
                "Exit code 0: the tenant matches the manifest; 4: applying it would change something."})
final class DiffCommand implements Callable<Integer> {

    /** Exit code when applying the manifest would change the tenant (distinct from 1 refused, 2 usage, 3 unreachable). */
    static final int CHANGES = 4;

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", required = true, description = "the tenant manifest")
    Path file;

    @Override
    public Integer call() {
        ObjectNode manifest = new ManifestLoader().load(file);
        String code = manifest.get("code").asText();
        JsonNode body = main.client().call("PUT", "/api/platform/tenants/" + ApiClient.pathSegment(code),
                Map.of("dryRun", "true"), manifest);
        if (body == null || !body.path("dryRun").asBoolean(false)) {
            throw new CliException(CliException.FAILURE, "the API did not answer with a dry run for tenant " + code
                    + "; nothing is known about what would change");
        }
        String outcome = body.path("outcome").asText("");
        List<String> changes = new ArrayList<>();
        body.path("changes").forEach(change -> changes.add(change.asText()));
        PrintWriter out = spec.commandLine().getOut();
        if ("unchanged".equals(outcome) && changes.isEmpty()) {
            out.println("tenant " + code + ": up to date, applying " + file + " would change nothing");
            return 0;
        }
        long added = changes.stream().filter(c -> c.startsWith("+")).count();
        long changed = changes.stream().filter(c -> c.startsWith("~")).count();
        long removed = changes.stream().filter(c -> c.startsWith("-")).count();
        out.println("tenant " + code + ": applying " + file + " would "
                + ("created".equals(outcome) ? "create it" : "update it") + " (" + changes.size()
                + (changes.size() == 1 ? " change" : " changes") + ": " + added + " to add, " + changed
                + " to change, " + removed + " to remove)");
        for (String change : changes) {
            out.println("  " + change);
        }
        if (changes.isEmpty()) {
            out.println("  (the API listed no changes)");
        }
        out.println("nothing was saved; run 'tenant-admin apply -f " + file + "' to apply");
        return CHANGES;
    }
}
