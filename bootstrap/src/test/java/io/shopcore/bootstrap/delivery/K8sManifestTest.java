package io.shopcore.bootstrap.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The blue-green manifests in k8s/, rendered offline ({@code kubectl kustomize}) and read into fabric8's typed
 * model: no unknown field anywhere, and the rules the rollout depends on (selectors, probes, drain timing,
 * security context, resources, secrets by reference) hold against application.properties.
 */
class K8sManifestTest {

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|PRIVATE|CREDENTIAL).*");

    static List<HasMetadata> all;
    static AppProperties app;

    @BeforeAll
    static void render() {
        all = Manifests.renderAndParse("k8s");
        app = AppProperties.prod();
    }

    @ParameterizedTest
    @ValueSource(strings = {"k8s/overlays/blue", "k8s/overlays/green", "k8s/routing", "k8s"})
    void everyKustomization_rendersIntoTypedObjects_withoutUnknownFields(String dir) {
        List<HasMetadata> resources = Manifests.renderAndParse(dir);
        assertThat(resources).isNotEmpty();
        assertThat(Manifests.unknownFields(resources)).isEmpty();
    }

    @Test
    void selfTest_aMisspelledField_anywhere_isReported() {
        String deployment = Repo.read("k8s/base/deployment.yaml");
        assertThat(deployment).contains("readinessProbe:", "httpGet:");
        List<HasMetadata> misspelledTopLevel = Manifests.parse(deployment.replace("readinessProbe:", "readinesProbe:"));
        assertThat(Manifests.unknownFields(misspelledTopLevel))
                .singleElement()
                .asString()
                .contains("containers[0]")
                .contains("readinesProbe");
        List<HasMetadata> misspelledNested = Manifests.parse(deployment.replaceFirst("httpGet:", "httpGett:"));
        assertThat(Manifests.unknownFields(misspelledNested))
                .singleElement()
                .asString()
                .contains("httpGett");
        List<HasMetadata> unknownKind =
                Manifests.parse("apiVersion: example.io/v1\nkind: Gadget\nmetadata:\n  name: x\n");
        assertThat(Manifests.unknownFields(unknownKind))
                .singleElement()
                .asString()
                .contains("no typed model");
        assertThat(Manifests.unknownFields(Manifests.parse(deployment))).isEmpty();
    }

    @Test
    void liveService_selectsExactlyOneColour_andPreviewTheOther() {
        List<Deployment> colours = of(Deployment.class);
        assertThat(colours)
                .extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrder("shopcore-blue", "shopcore-green");
        Service live = service("shopcore");
        Service preview = service("shopcore-preview");
        List<String> liveMatches = podsSelectedBy(live, colours);
        List<String> previewMatches = podsSelectedBy(preview, colours);
        assertThat(liveMatches).hasSize(1);
        assertThat(previewMatches).hasSize(1);
        assertThat(liveMatches).doesNotContainAnyElementsOf(previewMatches);
        for (Deployment d : colours) {
            Map<String, String> labels = d.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(labels).containsKeys("app", "color", "version");
            assertThat(d.getMetadata().getName()).endsWith("-" + labels.get("color"));
            assertThat(d.getSpec().getSelector().getMatchLabels())
                    .containsEntry("color", labels.get("color"))
                    .doesNotContainKey("version"); // selectors are immutable: a release must not change them
        }
    }

    @Test
    void servicesTargetNamedPorts_thatTheContainerDefines() {
        Container c = container(of(Deployment.class).getFirst());
        Set<String> ports = c.getPorts().stream().map(ContainerPort::getName).collect(Collectors.toSet());
        for (Service s : of(Service.class)) {
            for (var port : s.getSpec().getPorts()) {
                assertThat(port.getTargetPort().getStrVal())
                        .as("%s targets a named port", s.getMetadata().getName())
                        .isNotNull();
                assertThat(ports).contains(port.getTargetPort().getStrVal());
            }
        }
        assertThat(port(c, "http")).isEqualTo(Integer.parseInt(app.get("quarkus.http.port")));
        assertThat(port(c, "management")).isEqualTo(Integer.parseInt(app.get("quarkus.management.port")));
        assertThat(app.get("quarkus.management.enabled"))
                .as("health moves to the management port in prod")
                .isEqualTo("true");
    }

    @Test
    void probes_useTheHealthPaths_onTheNamedManagementPort() {
        for (Deployment d : of(Deployment.class)) {
            Container c = container(d);
            Set<String> ports =
                    c.getPorts().stream().map(ContainerPort::getName).collect(Collectors.toSet());
            assertProbe(c.getStartupProbe(), "/q/health/started", ports);
            assertProbe(c.getLivenessProbe(), "/q/health/live", ports);
            assertProbe(c.getReadinessProbe(), "/q/health/ready", ports);
        }
    }

    @Test
    void terminationGrace_exceedsPreStopPlusQuarkusDrain() {
        Duration drain = app.drain();
        assertThat(drain).as("quarkus.shutdown.delay + timeout are set").isPositive();
        assertThat(app.get("quarkus.shutdown.delay-enabled")).isEqualTo("true");
        for (Deployment d : of(Deployment.class)) {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            var preStop = container(d).getLifecycle().getPreStop();
            assertThat(preStop.getSleep()).as("preStop sleep").isNotNull();
            Duration preStopSleep = Duration.ofSeconds(preStop.getSleep().getSeconds());
            assertThat(preStopSleep).isPositive();
            assertThat(Duration.ofSeconds(pod.getTerminationGracePeriodSeconds()))
                    .isGreaterThan(preStopSleep.plus(drain));
        }
    }

    @Test
    void replicas_pdb_and_hpa_agree() {
        for (Deployment d : of(Deployment.class)) {
            String name = d.getMetadata().getName();
            int replicas = d.getSpec().getReplicas();
            HorizontalPodAutoscaler hpa = of(HorizontalPodAutoscaler.class).stream()
                    .filter(h -> h.getSpec().getScaleTargetRef().getName().equals(name))
                    .collect(single());
            assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(replicas);
            assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThanOrEqualTo(replicas);
            Map<String, String> podLabels =
                    d.getSpec().getTemplate().getMetadata().getLabels();
            PodDisruptionBudget pdb = of(PodDisruptionBudget.class).stream()
                    .filter(p -> podLabels
                            .entrySet()
                            .containsAll(
                                    p.getSpec().getSelector().getMatchLabels().entrySet()))
                    .collect(single());
            assertThat(pdb.getSpec().getSelector().getMatchLabels()).containsEntry("color", podLabels.get("color"));
            IntOrString minAvailable = pdb.getSpec().getMinAvailable();
            assertThat(minAvailable).as("minAvailable as a count").isNotNull();
            assertThat(minAvailable.getIntVal())
                    .as("a PDB must leave room to evict one pod")
                    .isPositive()
                    .isLessThan(hpa.getSpec().getMinReplicas());
        }
    }

    @Test
    void pods_runAsNonRoot_readOnly_withResources_andPinnedImages() {
        for (Deployment d : of(Deployment.class)) {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            Container c = container(d);
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
            assertThat(pod.getAutomountServiceAccountToken()).isFalse();
            assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
            assertThat(c.getSecurityContext().getCapabilities().getDrop()).contains("ALL");
            assertThat(c.getVolumeMounts())
                    .anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
            assertThat(c.getResources().getRequests()).containsKeys("cpu", "memory");
            assertThat(c.getResources().getLimits()).containsKeys("cpu", "memory");
            String image = c.getImage();
            assertThat(image).as("image with an explicit tag").matches(".+:[A-Za-z0-9_.-]+$");
            assertThat(image.substring(image.lastIndexOf(':') + 1)).isNotEqualTo("latest");
        }
    }

    @Test
    void secrets_areOnlyReferenced_neverInline() {
        assertThat(of(Secret.class)).as("no Secret objects in the repository").isEmpty();
        for (ConfigMap cm : of(ConfigMap.class)) {
            assertThat(cm.getData().keySet())
                    .noneMatch(k -> SECRET_NAME.matcher(k).matches() && !k.endsWith("_LOCATION"));
        }
        for (Deployment d : of(Deployment.class)) {
            Container c = container(d);
            for (EnvVar env : c.getEnv()) {
                if (SECRET_NAME.matcher(env.getName()).matches()) {
                    assertThat(env.getValue())
                            .as("%s has an inline value", env.getName())
                            .isNull();
                    assertThat(env.getValueFrom().getSecretKeyRef())
                            .as("%s comes from a Secret", env.getName())
                            .isNotNull();
                }
            }
            Set<String> secretVolumes = d.getSpec().getTemplate().getSpec().getVolumes().stream()
                    .filter(v -> v.getSecret() != null)
                    .map(v -> v.getSecret().getSecretName())
                    .collect(Collectors.toSet());
            assertThat(secretVolumes)
                    .as("the JWT key pair is mounted from a Secret")
                    .contains("shopcore-jwt");
        }
    }

    private static void assertProbe(Probe probe, String path, Set<String> containerPorts) {
        assertThat(probe).as("probe for %s", path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        String port = probe.getHttpGet().getPort().getStrVal();
        assertThat(port).as("probe %s uses a named port", path).isEqualTo("management");
        assertThat(containerPorts).contains(port);
    }

    private static List<String> podsSelectedBy(Service service, List<Deployment> deployments) {
        Map<String, String> selector = service.getSpec().getSelector();
        assertThat(selector)
                .as("%s selects by colour", service.getMetadata().getName())
                .containsKeys("app", "color");
        return deployments.stream()
                .filter(d -> d.getSpec()
                        .getTemplate()
                        .getMetadata()
                        .getLabels()
                        .entrySet()
                        .containsAll(selector.entrySet()))
                .map(d -> d.getMetadata().getName())
                .toList();
    }

    private static int port(Container c, String name) {
        return c.getPorts().stream()
                .filter(p -> name.equals(p.getName()))
                .map(ContainerPort::getContainerPort)
                .collect(single());
    }

    private static Container container(Deployment d) {
        List<Container> containers = d.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).hasSize(1);
        return containers.getFirst();
    }

    private static Service service(String name) {
        return of(Service.class).stream()
                .filter(s -> s.getMetadata().getName().equals(name))
                .collect(single());
    }

    private static <T> List<T> of(Class<T> type) {
        return all.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static <T> java.util.stream.Collector<T, ?, T> single() {
        return Collectors.collectingAndThen(Collectors.toList(), list -> {
            assertThat(list).hasSize(1);
            return list.getFirst();
        });
    }
}
