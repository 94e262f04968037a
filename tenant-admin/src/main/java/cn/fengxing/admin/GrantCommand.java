package cn.fengxing.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code grant [--name NAME] (SUBJECT | --username U | --phone P | --email E) REGION_PATH ROLE}: PUT /api/platform/region-grants. */
@Command(name = "grant", mixinStandardHelpOptions = true,
        description = {"Grant a regional role for a region path to a person, named by OIDC subject or by username,",
                "phone or e-mail (their account is created in the identity provider when missing).",
                "Examples: grant 7d0c…-uuid 山西省/吕梁市 region_viewer",
                "          grant --username li.jinhua --name 李晋华 山西省 region_viewer"})
final class GrantCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--username", description = "the person's username in the identity provider")
    String username;

    @Option(names = "--phone", description = "the person's mainland mobile number")
    String phone;

    @Option(names = "--email", description = "the person's e-mail address")
    String email;

    @Option(names = "--name", description = "the person's name, family name first (needed to create an account)")
    String name;

    @Parameters(arity = "2..3", paramLabel = "ARG",
            description = "[SUBJECT] REGION_PATH ROLE: the OIDC subject (sub claim) unless --username, --phone or "
                    + "--email names the person; REGION_PATH province[/city[/county]], e.g. 山西省 or 山西省/吕梁市; "
                    + "ROLE region_viewer or platform_operator")
    List<String> args;

    @Override
    public Integer call() {
        boolean byHandle = username != null || phone != null || email != null;
        if (args.size() != (byHandle ? 2 : 3)) {
            throw CliException.usage(byHandle ? "give REGION_PATH ROLE after --username, --phone or --email"
                    : "give SUBJECT REGION_PATH ROLE, or name the person with --username, --phone or --email");
        }
        String subject = byHandle ? null : args.get(0).strip();
        String regionPath = args.get(args.size() - 2);
        String role = args.get(args.size() - 1);
        String path = Arrays.stream(regionPath.split("/"))
                .map(String::strip)
                .filter(segment -> !segment.isEmpty())
                .collect(Collectors.joining("/"));
        if (path.isEmpty()) {
            throw CliException.usage("REGION_PATH is empty; give e.g. 山西省 or 山西省/吕梁市");
        }
        ObjectNode body = main.json().createObjectNode();
        Map.of("subject", Optional.ofNullable(subject), "username", Optional.ofNullable(username),
                "phone", Optional.ofNullable(phone), "email", Optional.ofNullable(email),
                "name", Optional.ofNullable(name)).forEach((key, value) -> value.ifPresent(v -> body.put(key, v)));
        body.put("regionPath", path).put("role", role.strip());
        JsonNode result = main.client().call("PUT", "/api/platform/region-grants", Map.of(), body);
        JsonNode grant = result == null || !result.isObject() ? body : result;
        String who = grant.path("name").asText("");
        spec.commandLine().getOut().println("granted " + grant.path("role").asText(role)
                + " on " + grant.path("regionPath").asText(path)
                + " to " + (who.isEmpty() ? "" : who + " ") + grant.path("subject").asText(""));
        String oneTimePassword = grant.path("oneTimePassword").asText("");
        if (!oneTimePassword.isEmpty()) {
            spec.commandLine().getOut().println("account created, signing in as " + grant.path("login").asText()
                    + ": one-time password " + oneTimePassword
                    + " (to be replaced at first sign-in)");
        }
        return 0;
    }
}
