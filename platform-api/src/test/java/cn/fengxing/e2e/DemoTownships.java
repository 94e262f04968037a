package cn.fengxing.e2e;

import cn.fengxing.admin.Main;
import cn.fengxing.local.DemoRealm;
import cn.fengxing.local.LocalKeycloak;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo townships of deploy/demo, applied with the operators' CLI exactly as the run command does. */
final class DemoTownships {

    static final Path TENANTS = KeycloakProfile.PROJECT.resolve("deploy/demo/tenants");

    private DemoTownships() {
    }

    static List<Path> manifests() {
        try (Stream<Path> files = Files.list(TENANTS)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Applies every demo manifest (idempotent) and the demo regional grant. */
    static void apply(URL api) {
        for (Path manifest : manifests()) {
            cli(api, "apply", "-f", manifest.toString());
        }
        cli(api, "grant", "--username", DemoRealm.SHANXI_VIEWER_USERNAME, "--name", "冯晓东", "山西省", "region_viewer");
    }

    /** Runs tenant-admin in-process with the tenant-admin client's credentials; fails the test on a non-zero exit. */
    static String cli(URL api, String... command) {
        LocalKeycloak keycloak = KeycloakProfile.KeycloakResource.keycloak;
        List<String> args = new ArrayList<>(List.of("--api", api.toString().replaceAll("/$", ""),
                "--issuer", keycloak.issuer(), "--client-id", DemoRealm.TENANT_ADMIN_CLIENT_ID,
                "--client-secret", DemoRealm.TENANT_ADMIN_CLIENT_SECRET));
        args.addAll(List.of(command));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args.toArray(String[]::new), Map.of(), new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).as("tenant-admin %s: %s", String.join(" ", command), err).isZero();
        return out.toString();
    }
}
