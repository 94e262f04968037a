package cn.fengxing.helm;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The objects of one {@code helm template}, read with the fabric8 Kubernetes model (custom kinds as generic). */
record Rendered(String yaml, List<HasMetadata> objects) {

    private static final Pattern DOCUMENT = Pattern.compile("(?m)^---\\s*$");

    static Rendered parse(String yaml) {
        List<HasMetadata> objects = DOCUMENT.splitAsStream(yaml)
                .filter(doc -> doc.lines().anyMatch(line -> line.startsWith("kind:")))
                .map(doc -> (HasMetadata) Serialization.unmarshal(doc))
                .toList();
        return new Rendered(yaml, objects);
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name
                + " among " + objects.stream().map(Rendered::describe).toList()));
    }

    /** Objects of a kind the fabric8 model does not know (operators' custom resources). */
    List<GenericKubernetesResource> custom(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(o -> o.getKind().equals(kind)).toList();
    }

    GenericKubernetesResource custom(String kind, String name) {
        return custom(kind).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    List<String> kinds() {
        return objects.stream().map(HasMetadata::getKind).toList();
    }

    Deployment api() {
        return get(Deployment.class, Chart.FULLNAME);
    }

    Container apiContainer() {
        return api().getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    /** Every pod spec of the release: the API's and the Jobs'. */
    Stream<PodSpec> podSpecs() {
        return Stream.concat(all(Deployment.class).stream().map(d -> d.getSpec().getTemplate().getSpec()),
                all(Job.class).stream().map(j -> j.getSpec().getTemplate().getSpec()));
    }

    /** Every container of the release, init containers included. */
    Stream<Container> containers() {
        return podSpecs().flatMap(pod -> Stream.concat(pod.getInitContainers().stream(), pod.getContainers().stream()));
    }

    /** The API's settings: the ConfigMap its pods take their environment from. */
    java.util.Map<String, String> settings() {
        return get(io.fabric8.kubernetes.api.model.ConfigMap.class, Chart.FULLNAME).getData();
    }

    /** A hook annotation ({@code helm.sh/hook}, or with a suffix such as {@code -weight}) of an object. */
    static String hook(HasMetadata object, String suffix) {
        return object.getMetadata().getAnnotations().get(Chart.HOOK + suffix);
    }

    static Optional<EnvVar> env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst();
    }

    static String envValue(Container container, String name) {
        return env(container, name).map(EnvVar::getValue)
                .orElseThrow(() -> new AssertionError(container.getName() + " has no " + name));
    }

    private static String describe(HasMetadata o) {
        return o.getKind() + "/" + o.getMetadata().getName();
    }
}
