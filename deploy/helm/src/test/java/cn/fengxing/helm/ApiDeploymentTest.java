package cn.fengxing.helm;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static cn.fengxing.helm.Rendered.env;
import static cn.fengxing.helm.Rendered.envValue;
import static org.assertj.core.api.Assertions.assertThat;

/** The API's Deployment and Service with the least values an installation sets (ci/minimal-values.yaml). */
class ApiDeploymentTest {

    private final Rendered minimal = Chart.with("minimal").render();

    @Test
    void rendersTheApiAndItsMigrationWhenNothingOptionalIsOn() {
        assertThat(minimal.kinds()).containsExactlyInAnyOrder(
                "ServiceAccount", "Secret", "ConfigMap", "Service", "Deployment", "Secret", "Job");
        assertThat(minimal.all(io.fabric8.kubernetes.api.model.batch.v1.Job.class)).extracting(j -> j.getMetadata().getName())
                .containsExactly(Chart.FULLNAME + "-migrations");
        assertThat(minimal.api().getSpec().getReplicas()).isEqualTo(1);
    }

    @Test
    void runsAsNonRootOnAReadOnlyRootFilesystem() {
        PodSpec pod = minimal.api().getSpec().getTemplate().getSpec();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(185L);
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        var container = minimal.apiContainer().getSecurityContext();
        assertThat(container.getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getCapabilities().getDrop()).containsExactly("ALL");
    }

    @Test
    void writesOnlyToEmptyDirsForTmpAndPhotos() {
        PodSpec pod = minimal.api().getSpec().getTemplate().getSpec();
        Map<String, String> mounts = minimal.apiContainer().getVolumeMounts().stream()
                .collect(java.util.stream.Collectors.toMap(VolumeMount::getName, VolumeMount::getMountPath));
        assertThat(mounts).containsExactlyInAnyOrderEntriesOf(Map.of("tmp", "/tmp", "blobs", "/var/lib/fengxing/blobs"));
        assertThat(pod.getVolumes()).allSatisfy(volume -> assertThat(volume.getEmptyDir()).isNotNull());
        assertThat(minimal.settings()).containsEntry("FENGXING_STORAGE_DIRECTORY", "/var/lib/fengxing/blobs")
                .containsEntry("FENGXING_STORAGE_KIND", "filesystem");
    }

    @Test
    void keepsPhotosOnAClaimWhenPersistenceIsOn() {
        Rendered rendered = Chart.with("minimal").set("storage.persistence.enabled", true).set("replicaCount", 3)
                .render();
        Volume blobs = rendered.api().getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals("blobs")).findFirst().orElseThrow();
        assertThat(blobs.getPersistentVolumeClaim().getClaimName()).isEqualTo(Chart.FULLNAME + "-blobs");
        var claim = rendered.get(io.fabric8.kubernetes.api.model.PersistentVolumeClaim.class, Chart.FULLNAME + "-blobs");
        assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteMany");
        assertThat(claim.getMetadata().getAnnotations()).containsEntry("helm.sh/resource-policy", "keep");
    }

    @Test
    void refusesPhotosOnEmptyDirsOfSeveralReplicas() {
        assertThat(Chart.with("minimal").set("replicaCount", 2).failure())
                .contains("storage.kind=filesystem on an emptyDir keeps each photo in one pod");
    }

    @Test
    void probesTheQuarkusHealthEndpoints() {
        Container api = minimal.apiContainer();
        assertThat(path(api.getStartupProbe())).isEqualTo("/q/health/started");
        assertThat(path(api.getLivenessProbe())).isEqualTo("/q/health/live");
        assertThat(path(api.getReadinessProbe())).isEqualTo("/q/health/ready");
        assertThat(api.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
        assertThat(api.getPorts()).singleElement()
                .satisfies(port -> assertThat(port.getContainerPort()).isEqualTo(8080));
    }

    @Test
    void setsResources() {
        var resources = minimal.apiContainer().getResources();
        assertThat(resources.getRequests()).containsEntry("cpu", new Quantity("500m"))
                .containsEntry("memory", new Quantity("512Mi"));
        assertThat(resources.getLimits()).containsEntry("memory", new Quantity("512Mi"));
        // the memory the API was measured in (docs/benchmarks.md): two malloc arenas
        assertThat(envValue(minimal.apiContainer(), "MALLOC_ARENA_MAX")).isEqualTo("2");
    }

    @Test
    void spreadsOverZonesAndNodes() {
        Deployment api = minimal.api();
        Map<String, String> podLabels = api.getSpec().getTemplate().getMetadata().getLabels();
        assertThat(api.getSpec().getTemplate().getSpec().getTopologySpreadConstraints())
                .extracting(TopologySpreadConstraint::getTopologyKey)
                .containsExactly("topology.kubernetes.io/zone", "kubernetes.io/hostname");
        assertThat(api.getSpec().getTemplate().getSpec().getTopologySpreadConstraints()).allSatisfy(c -> {
            assertThat(podLabels).containsAllEntriesOf(c.getLabelSelector().getMatchLabels());
            assertThat(c.getMaxSkew()).isEqualTo(1);
        });
    }

    @Test
    void neverMigratesAndHoldsNoOwnerPassword() {
        Container api = minimal.apiContainer();
        assertThat(envValue(api, "QUARKUS_LIQUIBASE_ENABLED")).isEqualTo("false");
        assertThat(env(api, "QUARKUS_LIQUIBASE_PASSWORD")).isEmpty();
        assertThat(envValue(api, "QUARKUS_DATASOURCE_USERNAME")).isEqualTo("fengxing_app");
        assertThat(envValue(api, "QUARKUS_DATASOURCE_JDBC_URL"))
                .isEqualTo("jdbc:postgresql://postgres.example.internal:5432/fengxing");
        assertThat(envValue(api, "QUARKUS_OIDC_AUTH_SERVER_URL")).isEqualTo("https://id.example.com/realms/fengxing");
    }

    @Test
    void serviceSelectsTheApiPodsOnly() {
        Service service = minimal.get(Service.class, Chart.FULLNAME);
        assertThat(minimal.api().getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(service.getSpec().getSelector()).containsEntry("app.kubernetes.io/component", "api");
        assertThat(service.getSpec().getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getPort()).isEqualTo(8080);
            assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
        });
    }

    private static String path(Probe probe) {
        return probe.getHttpGet().getPath();
    }
}
