package io.shopcore.bootstrap.config;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * Prod (the packaged application's profile) refuses to start with an unsafe setting, before any other
 * start-up observer runs (admin account, demo data), and names every offending setting at once.
 * Flyway's start actions run before any observer can, which is why prod also pins
 * {@code quarkus.flyway.clean-disabled=true}: a {@code clean-at-start} then fails inside Flyway before it
 * drops anything. {@code shopcore.prod-safety.enabled=false} switches the check off, for integration
 * tests of the packaged jar against a test database only.
 */
@IfBuildProfile("prod")
@ApplicationScoped
public class ProdSafetyCheck {

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event, Config config) {
        check(config);
    }

    static void check(Config config) {
        if (!config.getOptionalValue("shopcore.prod-safety.enabled", Boolean.class)
                .orElse(true)) {
            return;
        }
        List<ProdSafetyRules.Violation> violations =
                new ProdSafetyRules(key -> config.getOptionalValue(key, String.class)).violations();
        if (!violations.isEmpty()) {
            throw new IllegalStateException("Refusing to start with unsafe production settings:\n"
                    + violations.stream().map(v -> "  - " + v).collect(Collectors.joining("\n"))
                    + "\n(docs/operations.md, section Configuration)");
        }
    }
}
