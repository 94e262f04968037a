package cn.fengxing.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code tenant-admin}: the platform operator's command line for Fengxing 蜂行.
 *
 * <pre>
 * tenant-admin [--api URL] [--issuer URL] [--client-id ID] [--client-secret SECRET] COMMAND
 *   apply -f FILE [--dry-run]      create or update a tenant from its manifest
 *   list                           list all tenants
 *   suspend CODE | resume CODE     change a tenant's status
 *   diff -f FILE                   show what apply would change (exit 0 nothing, 4 changes)
 *   export CODE -o FILE            download a tenant's data archive (zip)
 *   offboard CODE -o FILE [--yes]  export a suspended tenant, then delete it for good
 *   grant SUBJECT REGION_PATH ROLE grant a regional role (region_viewer, platform_operator)
 *   grant --username U --name N REGION_PATH ROLE   the same, the person named by username (or --phone, --email)
 *   wait [--timeout SECONDS]       wait until the API is ready
 * </pre>
 *
 * Global options default to FENGXING_API, FENGXING_ISSUER, FENGXING_CLIENT_ID and
 * FENGXING_CLIENT_SECRET. Exit codes: 0 ok, 1 the API refused, 2 usage error, 3 unreachable.
 */
@Command(name = "tenant-admin",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Operate Fengxing 蜂行 tenants through the platform API.",
        subcommands = {
                ApplyCommand.class,
                DiffCommand.class,
                ListCommand.class,
                TenantStatusCommand.Suspend.class,
                TenantStatusCommand.Resume.class,
                ExportCommand.class,
                OffboardCommand.class,
                GrantCommand.class,
                WaitCommand.class,
        },
        synopsisSubcommandLabel = "COMMAND",
        footerHeading = "%nEnvironment:%n",
        footer = {
                "  FENGXING_API, FENGXING_ISSUER, FENGXING_CLIENT_ID, FENGXING_CLIENT_SECRET",
                "                 defaults for the options above",
                "  LANG           en* asks the API for English messages, otherwise zh-CN",
                "%nExit codes: 0 ok, 1 the API or issuer refused, 2 usage error, 3 API or issuer unreachable,",
                "  4 (diff) applying the manifest would change the tenant."})
public final class Main implements Runnable {

    @Option(names = "--api", paramLabel = "URL", scope = ScopeType.INHERIT, defaultValue = "http://localhost:8080",
            description = "platform API base URL (env FENGXING_API, default ${DEFAULT-VALUE})")
    URI api;

    @Option(names = "--issuer", paramLabel = "URL", scope = ScopeType.INHERIT,
            defaultValue = "http://localhost:8180/realms/fengxing",
            description = "OIDC issuer; its discovery document names the token endpoint"
                    + " (env FENGXING_ISSUER, default ${DEFAULT-VALUE})")
    URI issuer;

    @Option(names = "--client-id", paramLabel = "ID", scope = ScopeType.INHERIT, defaultValue = "tenant-admin",
            description = "OIDC client id (env FENGXING_CLIENT_ID, default ${DEFAULT-VALUE})")
    String clientId;

    @Option(names = "--client-secret", paramLabel = "SECRET", scope = ScopeType.INHERIT,
            description = "OIDC client secret, client_credentials grant (env FENGXING_CLIENT_SECRET)")
    String clientSecret;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> env;
    private final BufferedReader input;
    private final ObjectMapper json = Json.mapper();
    private ApiClient client;

    Main(Map<String, String> env, BufferedReader input) {
        this.env = env;
        this.input = input;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int code = run(args, System.getenv(), in, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line with no input to read (a confirmation is then refused); returns the exit code. */
    public static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
        return run(args, env, new BufferedReader(new StringReader("")), out, err);
    }

    /**
     * Runs one command line; returns the exit code. Confirmations are read from {@code in}; everything printed goes
     * to {@code out} and {@code err}.
     */
    public static int run(String[] args, Map<String, String> env, BufferedReader in, PrintWriter out,
                          PrintWriter err) {
        CommandLine cmd = commandLine(env, in);
        cmd.setOut(out);
        cmd.setErr(err);
        return cmd.execute(args);
    }

    static CommandLine commandLine(Map<String, String> env, BufferedReader in) {
        CommandLine cmd = new CommandLine(new Main(env, in));
        cmd.setDefaultValueProvider(new EnvDefaults(env));
        cmd.setUsageHelpWidth(100);
        cmd.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("error: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more.");
            return CliException.USAGE;
        });
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof CliException failure) {
                err.println("error: " + failure.getMessage());
                failure.details().forEach(err::println);
                if (failure.exitCode() == CliException.USAGE) {
                    err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more.");
                }
                return failure.exitCode();
            }
            err.println("error: " + ex);
            return CliException.FAILURE;
        });
        return cmd;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    /** The API client for this run, built from the global options. */
    ApiClient client() {
        if (client == null) {
            requireHttp("--api", api);
            requireHttp("--issuer", issuer);
            client = new ApiClient(api, issuer, clientId, clientSecret, acceptLanguage(), json);
        }
        return client;
    }

    /** What the operator types (the confirmation of offboard). */
    BufferedReader input() {
        return input;
    }

    ObjectMapper json() {
        return json;
    }

    /** Chinese first, unless the operator's locale is English. */
    String acceptLanguage() {
        String lang = env.getOrDefault("LANG", "");
        return lang.startsWith("en") ? "en,zh-CN;q=0.8" : "zh-CN,en;q=0.8";
    }

    private void requireHttp(String option, URI uri) {
        String scheme = uri.getScheme();
        if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    option + " must be an http(s) URL, got '" + uri + "'");
        }
    }

    static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"tenant-admin " + version()};
        }
    }

    /** Option defaults from the environment: --api from FENGXING_API and so on. */
    static final class EnvDefaults implements CommandLine.IDefaultValueProvider {
        private static final Map<String, String> VARIABLES = Map.of(
                "--api", "FENGXING_API",
                "--issuer", "FENGXING_ISSUER",
                "--client-id", "FENGXING_CLIENT_ID",
                "--client-secret", "FENGXING_CLIENT_SECRET");

        private final Map<String, String> env;

        EnvDefaults(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public String defaultValue(ArgSpec argSpec) {
            if (argSpec instanceof OptionSpec option) {
                String variable = VARIABLES.get(option.longestName());
                if (variable != null) {
                    String value = env.get(variable);
                    if (value != null && !value.isBlank()) {
                        return value.strip();
                    }
                }
            }
            return null;
        }
    }
}
