package cn.fengxing.admin;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.Map;
import java.util.concurrent.Callable;

/** {@code suspend CODE} and {@code resume CODE}: POST /api/platform/tenants/{code}/{action}. */
abstract class TenantStatusCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CODE", description = "tenant code, e.g. ningxiang")
    String code;

    abstract String action();

    @Override
    public Integer call() {
        JsonNode item = main.client().call("POST",
                "/api/platform/tenants/" + ApiClient.pathSegment(code) + "/" + action(), Map.of(), null);
        String status = item == null ? "(no status returned)" : item.path("status").asText("(no status returned)");
        String name = item == null ? "" : item.path("name").asText("");
        spec.commandLine().getOut().println("tenant " + code + (name.isEmpty() ? "" : " (" + name + ")")
                + ": " + status);
        return 0;
    }

    @Command(name = "suspend", mixinStandardHelpOptions = true,
            description = "Suspend a tenant: its members can no longer use it; its data stays.")
    static final class Suspend extends TenantStatusCommand {
        @Override
        String action() {
            return "suspend";
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume a suspended tenant.")
    static final class Resume extends TenantStatusCommand {
        @Override
        String action() {
            return "resume";
        }
    }
}
