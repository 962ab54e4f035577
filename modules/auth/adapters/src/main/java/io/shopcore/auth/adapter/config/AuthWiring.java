package io.shopcore.auth.adapter.config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.shopcore.auth.application.AuthSettings;
import io.shopcore.auth.application.port.in.EnsureAdminUseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/** Turns configuration into the core's plain settings, checks the keys, and creates the admin at start-up. */
@ApplicationScoped
public class AuthWiring {

    private static final Logger LOG = Logger.getLogger(AuthWiring.class);

    @Produces
    @Singleton
    AuthSettings settings(AuthConfig config) {
        return new AuthSettings(config.refreshTokenTtl());
    }

    void onStart(@Observes StartupEvent event, AdminConfig admin, EnsureAdminUseCase ensureAdmin) {
        requireKeys();
        if (admin.username().isPresent() && admin.password().isPresent()) {
            ensureAdmin.ensureAdmin(admin.username().get(), admin.password().get());
            LOG.infof("Admin account '%s' is ready", admin.username().get());
        } else {
            LOG.info("No shopcore.admin.username/password configured: no admin account is created");
        }
    }

    /** Prod refuses to start without JWT keys; dev and test get generated ones (bootstrap LocalServices). */
    private static void requireKeys() {
        for (String key : new String[] {"mp.jwt.verify.publickey.location", "smallrye.jwt.sign.key.location"}) {
            Optional<String> location = ConfigProvider.getConfig().getOptionalValue(key, String.class);
            if (location.isEmpty()) {
                if (LaunchMode.current() == LaunchMode.NORMAL) {
                    throw new IllegalStateException(key + " is not set: configure the JWT key pair "
                            + "(MP_JWT_VERIFY_PUBLICKEY_LOCATION, SMALLRYE_JWT_SIGN_KEY_LOCATION); see docs/operations.md");
                }
                continue;
            }
            String path = location.get().startsWith("file:") ? URI.create(location.get()).getPath() : location.get();
            if (LaunchMode.current() == LaunchMode.NORMAL && !path.startsWith("classpath:") && !Files.isReadable(Path.of(path))
                    && Thread.currentThread().getContextClassLoader().getResource(path) == null) {
                throw new IllegalStateException(key + " points at " + location.get() + ", which cannot be read");
            }
        }
    }
}
