package cn.fengxing.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static cn.fengxing.helm.Rendered.envValue;
import static cn.fengxing.helm.Rendered.hook;
import static org.assertj.core.api.Assertions.assertThat;

/** The townships of {@code tenants:}, applied with tenant-admin by a hook Job after each install and upgrade. */
class TownshipsTest {

    private static final String JOB = Chart.FULLNAME + "-tenants";
    private static final Path DEMO = Path.of(System.getProperty("fengxing.demo.tenants", "../demo/tenants"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Rendered townships = Chart.with("townships").render();

    @Test
    void keepsEachManifestInAConfigMapOfItsOwn() throws IOException {
        JsonNode values = new ObjectMapper(new YAMLFactory()).readTree(Chart.ciValues("townships").toFile()).get("tenants");
        for (String code : List.of("ningxiang", "gongcheng")) {
            ConfigMap configMap = townships.get(ConfigMap.class, Chart.FULLNAME + "-tenant-" + code);
            ObjectNode manifest = (ObjectNode) JSON.readTree(configMap.getData().get("manifest.json"));
            assertThat(manifest.get("code").asText()).isEqualTo(code);
            // the manifest as written in the values, its code added from the key where it had none
            JsonNode withoutCode = manifest.without("code");
            JsonNode asWritten = ((ObjectNode) values.get(code).deepCopy()).without("code");
            assertThat(withoutCode).isEqualTo(asWritten);
        }
        JsonNode ningxiang = JSON.readTree(townships.get(ConfigMap.class, Chart.FULLNAME + "-tenant-ningxiang")
                .getData().get("manifest.json"));
        assertThat(ningxiang.at("/grids/features/0/properties/households").asInt()).isEqualTo(452);
        assertThat(ningxiang.at("/grids/features/0/geometry/coordinates/0/0/0").asDouble()).isEqualTo(111.17);
    }

    @Test
    void appliesEveryTownshipAfterEachInstallAndUpgrade() {
        Job job = townships.get(Job.class, JOB);
        assertThat(hook(job, "")).isEqualTo("post-install,post-upgrade");
        assertThat(Integer.parseInt(hook(job, "-weight"))).isPositive();
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        // init containers run in order: the API's readiness first, then one apply per township
        assertThat(pod.getInitContainers()).extracting(Container::getName)
                .containsExactly("wait-for-api", "apply-gongcheng", "apply-ningxiang");
        assertThat(pod.getInitContainers().get(0).getCommand())
                .containsExactly("java", "-jar", "/deployments/tenant-admin.jar", "wait", "--timeout=600");
        assertThat(pod.getInitContainers().get(2).getCommand()).containsExactly("java", "-jar",
                "/deployments/tenant-admin.jar", "apply", "--file=/manifests/ningxiang/manifest.json");
        assertThat(pod.getContainers()).singleElement().satisfies(list -> assertThat(list.getCommand()).endsWith("list"));
        var manifests = pod.getVolumes().stream().filter(v -> v.getName().equals("manifests")).findFirst().orElseThrow();
        assertThat(manifests.getProjected().getSources())
                .flatExtracting(source -> source.getConfigMap().getItems()).extracting(KeyToPath::getPath)
                .containsExactly("gongcheng/manifest.json", "ningxiang/manifest.json");
    }

    @Test
    void talksToTheApiOfTheReleaseWithTheClientsSecret() {
        Rendered rendered = townships;
        List<Container> containers = rendered.get(Job.class, JOB).getSpec().getTemplate().getSpec().getInitContainers();
        assertThat(containers).allSatisfy(c -> {
            assertThat(c.getImage()).isEqualTo(rendered.apiContainer().getImage());
            assertThat(envValue(c, "FENGXING_API")).isEqualTo("http://" + Chart.FULLNAME + ":8080");
            assertThat(envValue(c, "FENGXING_ISSUER")).isEqualTo("https://id.example.com/realms/fengxing");
            assertThat(envValue(c, "FENGXING_CLIENT_ID")).isEqualTo("tenant-admin");
            assertThat(Rendered.env(c, "FENGXING_CLIENT_SECRET").orElseThrow().getValueFrom().getSecretKeyRef().getKey())
                    .isEqualTo("tenant-admin-client-secret");
            assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        });
    }

    @Test
    void carriesTheFilesADemoManifestNames() throws IOException {
        Path ningxiang = DEMO.resolve("ningxiang.yaml");
        Chart chart = Chart.with("minimal").set("oidc.tenantAdmin.clientSecret", "s").values(asTenant(ningxiang));
        for (String file : List.of("ningxiang-grids.geojson", "ningxiang-reports.json", "ningxiang-epasses.json",
                "ningxiang-visits.json", "ningxiang-events.json",
                "ningxiang-suggestions.json", "ningxiang-care.json")) {
            chart.setFile("tenantFiles." + file.replace(".", "\\."), DEMO.resolve(file));
        }
        Rendered rendered = chart.render();
        ConfigMap configMap = rendered.get(ConfigMap.class, Chart.FULLNAME + "-tenant-ningxiang");
        assertThat(configMap.getData()).containsOnlyKeys("manifest.json", "ningxiang-grids.geojson",
                "ningxiang-reports.json", "ningxiang-epasses.json", "ningxiang-visits.json", "ningxiang-events.json",
                "ningxiang-suggestions.json", "ningxiang-care.json");
        assertThat(configMap.getData().get("ningxiang-grids.geojson"))
                .isEqualTo(Files.readString(DEMO.resolve("ningxiang-grids.geojson")));
        assertThat(JSON.readTree(configMap.getData().get("manifest.json")).get("grids").asText())
                .isEqualTo("ningxiang-grids.geojson");
    }

    @Test
    void carriesYuetansCarePairingHistory() throws IOException {
        Path yuetan = DEMO.resolve("yuetan.yaml");
        Chart chart = Chart.with("minimal").set("oidc.tenantAdmin.clientSecret", "s").values(asTenant(yuetan));
        List<String> files = List.of("yuetan-grids.geojson", "yuetan-reports.json", "yuetan-visits.json",
                "yuetan-discounts.json", "yuetan-events.json", "yuetan-care.json", "yuetan-pairings.json");
        for (String file : files) {
            chart.setFile("tenantFiles." + file.replace(".", "\\."), DEMO.resolve(file));
        }
        ConfigMap configMap = chart.render().get(ConfigMap.class, Chart.FULLNAME + "-tenant-yuetan");
        assertThat(configMap.getData()).containsKey("yuetan-pairings.json");
        assertThat(JSON.readTree(configMap.getData().get("manifest.json")).get("pairingHistory").asText())
                .isEqualTo("yuetan-pairings.json");
        // without the history file the chart refuses the manifest
        Chart without = Chart.with("minimal").set("oidc.tenantAdmin.clientSecret", "s").values(asTenant(yuetan));
        for (String file : files.subList(0, files.size() - 1)) {
            without.setFile("tenantFiles." + file.replace(".", "\\."), DEMO.resolve(file));
        }
        assertThat(without.failure()).contains("tenants.yuetan.pairingHistory names the file \"yuetan-pairings.json\"");
    }

    @Test
    void acceptsEveryDemoManifestWithItsFiles() throws IOException {
        Chart chart = Chart.with("minimal").set("oidc.tenantAdmin.clientSecret", "s");
        List<Path> manifests;
        try (var files = Files.list(DEMO)) {
            manifests = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path manifest : manifests) {
            chart.values(asTenant(manifest));
        }
        try (var files = Files.list(DEMO)) {
            files.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".geojson"))
                    .forEach(f -> chart.setFile("tenantFiles." + f.getFileName().toString().replace(".", "\\."), f));
        }
        Rendered rendered = chart.render();
        assertThat(manifests).hasSize(5);
        assertThat(rendered.get(Job.class, JOB).getSpec().getTemplate().getSpec().getInitContainers())
                .extracting(Container::getName).containsExactly("wait-for-api", "apply-beidajie", "apply-gongcheng",
                        "apply-ningxiang", "apply-shanyang", "apply-yuetan");
    }

    @Test
    void refusesAManifestWhoseFileIsMissing() throws IOException {
        String failure = Chart.with("minimal").set("oidc.tenantAdmin.clientSecret", "s")
                .values(asTenant(DEMO.resolve("gongcheng.yaml"))).failure();
        assertThat(failure).contains("tenants.gongcheng.grids names the file \"gongcheng-grids.geojson\"");
    }

    @Test
    void refusesAKeyThatIsNotTheTownshipsCode() {
        assertThat(Chart.with("townships").set("tenants.gongcheng.code", "daoli").failure())
                .contains("tenants.gongcheng: its code is \"daoli\"");
    }

    @Test
    void rendersNoJobWithoutTownships() {
        Rendered rendered = Chart.with("minimal").render();
        assertThat(rendered.find(Job.class, JOB)).isEmpty();
        assertThat(rendered.all(ConfigMap.class)).hasSize(1);
    }

    /** A demo manifest as the values of one township, as docs/runbooks/onboard-a-district.md makes them. */
    static Path asTenant(Path manifest) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode tree = yaml.readTree(manifest.toFile());
        Path values = Files.createTempFile("tenant-", ".yaml");
        values.toFile().deleteOnExit();
        yaml.writeValue(values.toFile(), java.util.Map.of("tenants", java.util.Map.of(tree.get("code").asText(), tree)));
        return values;
    }
}
