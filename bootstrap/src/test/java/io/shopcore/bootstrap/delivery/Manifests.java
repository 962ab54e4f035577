package io.shopcore.bootstrap.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Renders a kustomization with {@code kubectl kustomize} (offline) and parses it into fabric8's typed model. */
final class Manifests {

    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Manifests() {}

    static String render(String kustomizationDir) {
        Repo.requireTool(
                "kubectl",
                "kubectl 1.32 (with kustomize) is part of the build machine image; install it from the "
                        + "Kubernetes release binaries. Never replace this check with `kubectl apply --dry-run` (it needs a cluster).");
        Repo.Result r = Repo.run(Repo.ROOT, "kubectl", "kustomize", kustomizationDir);
        assertThat(r.exitCode())
                .as("kubectl kustomize %s failed:%n%s", kustomizationDir, r.stderr())
                .isZero();
        return r.stdout();
    }

    static List<HasMetadata> parse(String yaml) {
        List<HasMetadata> resources = new ArrayList<>();
        for (String document : DOCUMENT_SEPARATOR.split(yaml)) {
            if (document.isBlank()) {
                continue;
            }
            Object parsed = SERIALIZATION.unmarshal(document);
            assertThat(parsed).as("a Kubernetes resource in:%n%s", document).isInstanceOf(HasMetadata.class);
            resources.add((HasMetadata) parsed);
        }
        return resources;
    }

    static List<HasMetadata> renderAndParse(String kustomizationDir) {
        return parse(render(kustomizationDir));
    }

    static List<String> unknownFields(List<HasMetadata> resources) {
        List<String> found = new ArrayList<>();
        for (HasMetadata r : resources) {
            found.addAll(UnknownFields.in(
                    r,
                    r.getKind() + "/"
                            + (r.getMetadata() == null ? "?" : r.getMetadata().getName())));
        }
        return found;
    }
}
