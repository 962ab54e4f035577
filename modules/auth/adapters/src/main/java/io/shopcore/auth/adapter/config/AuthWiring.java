package io.shopcore.auth.adapter.config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.shopcore.auth.adapter.out.crypto.Argon2idFunction;
import io.shopcore.auth.adapter.out.crypto.Argon2idSelection;
import io.shopcore.auth.adapter.out.crypto.BouncyCastleArgon2id;
import io.shopcore.auth.application.AuthSettings;
import io.shopcore.auth.application.port.in.EnsureAdminUseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Turns configuration into the core's plain settings and the chosen Argon2id implementation, checks the keys,
 * and creates the admin at start-up.
 */
@ApplicationScoped
public class AuthWiring {

    private static final Logger LOG = Logger.getLogger(AuthWiring.class);

    @Produces
    @Singleton
    AuthSettings settings(AuthConfig config) {
        return new AuthSettings(config.refreshTokenTtl());
    }

    /** libargon2 or Bouncy Castle, as {@code shopcore.auth.argon2.implementation} says (Argon2idSelection). */
    @Produces
    @Singleton
    Argon2idFunction argon2id(AuthConfig config) {
        return new Argon2idSelection(config.hashingConcurrency())
                .select(
                        config.argon2().implementation(),
                        () -> new BouncyCastleArgon2id(
                                config.hashingConcurrency(),
                                config.argon2().memoryKib(),
                                config.argon2().parallelism()));
    }

    void onStart(@Observes StartupEvent event, AdminConfig admin, AuthConfig auth, EnsureAdminUseCase ensureAdmin) {
        requireKeys();
        requireTokenLifetimeAccepted(
                auth.accessTokenTtl(),
                ConfigProvider.getConfig()
                        .getOptionalValue(AccessTokenLifetimeConfigSourceFactory.MAX_TTL_KEY, Long.class));
        if (admin.username().isPresent() && admin.password().isPresent()) {
            String name = admin.username().get();
            EnsureAdminUseCase.Outcome outcome = ensureAdmin.ensureAdmin(
                    new EnsureAdminUseCase.Command(name, admin.password().get(), admin.promoteExisting()));
            AdminBootstrapCheck.requireAccepted(name, outcome);
            LOG.infof("Admin account '%s' is ready (%s)", name, outcome);
        } else {
            LOG.info("No shopcore.admin.username/password configured: no admin account is created");
        }
    }

    /**
     * SmallRye JWT rejects every token whose {@code exp - iat} exceeds {@code smallrye.jwt.time-to-live}; a
     * verifier limit below our own access-token lifetime would reject every token we issue. The limit is
     * derived from the lifetime (AccessTokenLifetimeConfigSourceFactory); an explicit lower value is refused.
     */
    static void requireTokenLifetimeAccepted(Duration accessTokenTtl, Optional<Long> verifierMaxSeconds) {
        if (verifierMaxSeconds.isPresent()
                && verifierMaxSeconds.get() > 0
                && verifierMaxSeconds.get() < accessTokenTtl.toSeconds()) {
            throw new IllegalStateException(
                    "smallrye.jwt.time-to-live=" + verifierMaxSeconds.get() + "s is shorter than "
                            + "shopcore.auth.access-token-ttl=" + accessTokenTtl
                            + ": every issued token would be rejected. Remove "
                            + "smallrye.jwt.time-to-live (it follows the access-token lifetime) or raise it");
        }
    }

    /** Prod refuses to start without JWT keys; dev and test get generated ones (bootstrap LocalServices). */
    private static void requireKeys() {
        for (String key : new String[] {"mp.jwt.verify.publickey.location", "smallrye.jwt.sign.key.location"}) {
            Optional<String> location = ConfigProvider.getConfig().getOptionalValue(key, String.class);
            if (location.isEmpty()) {
                if (LaunchMode.current() == LaunchMode.NORMAL) {
                    throw new IllegalStateException(
                            key + " is not set: configure the JWT key pair "
                                    + "(MP_JWT_VERIFY_PUBLICKEY_LOCATION, SMALLRYE_JWT_SIGN_KEY_LOCATION); see docs/operations.md");
                }
                continue;
            }
            String path = location.get().startsWith("file:")
                    ? URI.create(location.get()).getPath()
                    : location.get();
            if (LaunchMode.current() == LaunchMode.NORMAL
                    && !path.startsWith("classpath:")
                    && !Files.isReadable(Path.of(path))
                    && Thread.currentThread().getContextClassLoader().getResource(path) == null) {
                throw new IllegalStateException(key + " points at " + location.get() + ", which cannot be read");
            }
        }
    }
}
