package cn.fengxing.admin;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code wait [--timeout SECONDS]}: polls the API's readiness until it answers 200, so that a deployment's job
 * applies manifests only once the API it was deployed with is up.
 */
@Command(name = "wait", mixinStandardHelpOptions = true,
        description = {"Wait until the API is ready (GET /q/health/ready answers 200; no token needed).",
                "Exits 0 once it is, 3 if it is not within the timeout."})
final class WaitCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "give up after this many seconds (default ${DEFAULT-VALUE})")
    long timeout;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "2",
            description = "pause between checks (default ${DEFAULT-VALUE})")
    long interval;

    @Override
    public Integer call() throws InterruptedException {
        ApiClient client = main.client();
        Instant deadline = Instant.now().plusSeconds(timeout);
        Optional<String> notReady = client.notReady();
        while (notReady.isPresent()) {
            if (!Instant.now().isBefore(deadline)) {
                throw new CliException(CliException.UNREACHABLE, "the API is not ready after " + timeout + " s: "
                        + notReady.get());
            }
            Thread.sleep(Duration.ofSeconds(interval).toMillis());
            notReady = client.notReady();
        }
        spec.commandLine().getOut().println("the API is ready");
        return 0;
    }
}
