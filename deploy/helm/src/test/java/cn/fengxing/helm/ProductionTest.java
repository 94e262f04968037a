package cn.fengxing.helm;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Several replicas behind an Ingress (ci/production-values.yaml): autoscaling, disruptions, metrics, S3. */
class ProductionTest {

    private final Rendered production = Chart.with("production").render();

    @Test
    void routesTheHostToTheService() {
        Ingress ingress = production.get(Ingress.class, Chart.FULLNAME);
        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
        assertThat(ingress.getSpec().getTls()).singleElement()
                .satisfies(tls -> assertThat(tls.getHosts()).containsExactly("fengxing.example.com"));
        assertThat(ingress.getSpec().getRules()).singleElement().satisfies(rule -> {
            assertThat(rule.getHost()).isEqualTo("fengxing.example.com");
            var backend = rule.getHttp().getPaths().get(0).getBackend().getService();
            assertThat(backend.getName()).isEqualTo(Chart.FULLNAME);
            assertThat(backend.getPort().getName()).isEqualTo("http");
        });
        assertThat(ingress.getMetadata().getAnnotations())
                .containsEntry("nginx.ingress.kubernetes.io/proxy-body-size", "40m");
    }

    @Test
    void scalesTheDeploymentWhichLeavesItsReplicasToTheAutoscaler() {
        HorizontalPodAutoscaler hpa = production.get(HorizontalPodAutoscaler.class, Chart.FULLNAME);
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(production.api().getMetadata().getName());
        assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2);
        assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(8);
        assertThat(hpa.getSpec().getMetrics()).singleElement()
                .satisfies(m -> assertThat(m.getResource().getTarget().getAverageUtilization()).isEqualTo(70));
        assertThat(production.api().getSpec().getReplicas()).isNull();
    }

    @Test
    void budgetsDisruptionsOfTheApiPods() {
        PodDisruptionBudget pdb = production.get(PodDisruptionBudget.class, Chart.FULLNAME);
        assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
        assertThat(production.api().getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
    }

    @Test
    @SuppressWarnings("unchecked")
    void scrapesTheQuarkusMetricsEndpoint() {
        GenericKubernetesResource monitor = production.custom("ServiceMonitor", Chart.FULLNAME);
        assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "prometheus");
        Map<String, Object> spec = (Map<String, Object>) monitor.getAdditionalProperties().get("spec");
        Map<String, String> selector = (Map<String, String>) ((Map<String, Object>) spec.get("selector")).get("matchLabels");
        assertThat(production.get(Service.class, Chart.FULLNAME).getMetadata().getLabels()).containsAllEntriesOf(selector);
        assertThat((List<Map<String, Object>>) spec.get("endpoints")).singleElement().satisfies(endpoint -> {
            assertThat(endpoint).containsEntry("path", "/q/metrics").containsEntry("port", "http");
        });
    }

    @Test
    void keepsPhotosInS3() {
        assertThat(production.settings()).containsEntry("FENGXING_STORAGE_KIND", "s3")
                .containsEntry("FENGXING_STORAGE_S3_BUCKET", "fengxing-photos")
                .containsEntry("FENGXING_STORAGE_S3_ENDPOINT", "https://oss-cn-beijing.aliyuncs.com")
                .containsEntry("FENGXING_STORAGE_S3_REGION", "cn-beijing")
                .containsEntry("FENGXING_REPORTS_MAX_PHOTOS", "3")
                .doesNotContainKey("FENGXING_STORAGE_DIRECTORY");
        assertThat(production.apiContainer().getVolumeMounts()).extracting("mountPath").containsExactly("/tmp");
    }

    @Test
    void rendersNoneOfThemWhenOff() {
        Rendered minimal = Chart.with("minimal").render();
        assertThat(minimal.all(Ingress.class)).isEmpty();
        assertThat(minimal.all(HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(minimal.all(PodDisruptionBudget.class)).isEmpty();
        assertThat(minimal.custom("ServiceMonitor")).isEmpty();
    }
}
