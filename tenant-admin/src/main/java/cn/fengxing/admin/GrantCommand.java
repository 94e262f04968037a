package cn.fengxing.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code grant SUBJECT REGION_PATH ROLE}: PUT /api/platform/region-grants. */
@Command(name = "grant", mixinStandardHelpOptions = true,
        description = {"Grant a regional role to an identity (OIDC subject) for a region path.",
                "Example: grant 7d0c…-uuid 山西省/吕梁市 region_viewer"})
final class GrantCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SUBJECT", description = "the identity's OIDC subject (sub claim)")
    String subject;

    @Parameters(index = "1", paramLabel = "REGION_PATH",
            description = "province[/city[/county]], e.g. 山西省 or 山西省/吕梁市")
    String regionPath;

    @Parameters(index = "2", paramLabel = "ROLE", description = "region_viewer or platform_operator")
    String role;

    @Override
    public Integer call() {
        String path = Arrays.stream(regionPath.split("/"))
                .map(String::strip)
                .filter(segment -> !segment.isEmpty())
                .collect(Collectors.joining("/"));
        if (path.isEmpty()) {
            throw CliException.usage("REGION_PATH is empty; give e.g. 山西省 or 山西省/吕梁市");
        }
        ObjectNode body = main.json().createObjectNode()
                .put("subject", subject.strip())
                .put("regionPath", path)
                .put("role", role.strip());
        JsonNode result = main.client().call("PUT", "/api/platform/region-grants", Map.of(), body);
        JsonNode grant = result == null || !result.isObject() ? body : result;
        String outcome = grant.path("outcome").asText("");
        spec.commandLine().getOut().println("granted " + grant.path("role").asText(role)
                + " on " + grant.path("regionPath").asText(path)
                + " to " + grant.path("subject").asText(subject)
                + (outcome.isEmpty() ? "" : " (" + outcome + ")"));
        return 0;
    }
}
