package cn.fengxing.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code apply -f FILE [--dry-run]}: PUT the manifest to /api/platform/tenants/{code}. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {
                "Create or update a tenant from its manifest (YAML or JSON, by extension).",
                "A 'grids' string names a GeoJSON FeatureCollection file relative to the manifest; it is inlined.",
                "Applying the same manifest twice changes nothing."})
final class ApplyCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", required = true, description = "the tenant manifest")
    Path file;

    @Option(names = "--dry-run", description = "validate and show the changes without saving them")
    boolean dryRun;

    @Override
    public Integer call() {
        ObjectNode manifest = new ManifestLoader().load(file);
        String code = manifest.get("code").asText();
        Map<String, String> query = dryRun ? Map.of("dryRun", "true") : Map.of();
        JsonNode result = main.client().call("PUT", "/api/platform/tenants/" + ApiClient.pathSegment(code),
                query, manifest);

        PrintWriter out = spec.commandLine().getOut();
        JsonNode body = result == null ? main.json().createObjectNode() : result;
        String outcome = body.path("outcome").asText("applied");
        boolean wasDryRun = body.path("dryRun").asBoolean(dryRun);
        String verdict = wasDryRun && !"unchanged".equals(outcome) ? "would be " + outcome + " (dry run, nothing saved)"
                : wasDryRun ? "unchanged (dry run)" : outcome;
        out.println("tenant " + body.path("code").asText(code) + ": " + verdict);
        JsonNode changes = body.path("changes");
        for (JsonNode change : changes) {
            out.println("  " + change.asText());
        }
        if (changes.isEmpty() && !"unchanged".equals(outcome)) {
            out.println("  (the API listed no changes)");
        }
        // shown this once: whoever runs the apply hands each password to its person, who replaces it at first sign-in
        for (JsonNode account : body.path("accounts")) {
            out.println("account created for " + account.path("name").asText() + ", signing in as "
                    + account.path("login").asText() + ": one-time password " + account.path("oneTimePassword").asText()
                    + " (to be replaced at first sign-in)");
        }
        return 0;
    }
}
