package io.shopcore.auth.adapter.out.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shopcore.auth.adapter.config.AuthConfig.Argon2.Implementation;
import java.lang.reflect.Constructor;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * shopcore.auth.argon2.implementation: auto, native, java. Needs libargon2 where a test expects native (CI
 * installs libargon2-1): without it they fail, on purpose; a missing library is simulated by a bogus name.
 */
class Argon2idSelectionTest {

    private static final String BOGUS = "shopcore-no-such-argon2-library";
    private static final Supplier<Argon2idFunction> JAVA = () -> new BouncyCastleArgon2id(1, 64, 1);

    @Test
    void givenTheLibrary_auto_choosesNative() {
        assertThat(new Argon2idSelection(1).select(Implementation.AUTO, JAVA).name())
                .isEqualTo("native");
    }

    @Test
    void givenTheLibrary_native_choosesNative() {
        Argon2idFunction chosen = new Argon2idSelection(1).select(Implementation.NATIVE, JAVA);
        assertThat(chosen.name()).isEqualTo("native");
        assertThat(chosen.toString()).contains("libargon2.so");
    }

    @Test
    void givenJava_select_choosesBouncyCastle() {
        assertThat(new Argon2idSelection(1).select(Implementation.JAVA, JAVA)).isInstanceOf(BouncyCastleArgon2id.class);
    }

    @Test
    void givenAMissingLibrary_auto_fallsBackToBouncyCastle() {
        assertThat(new Argon2idSelection(1, false, BOGUS).select(Implementation.AUTO, JAVA))
                .isInstanceOf(BouncyCastleArgon2id.class);
    }

    @Test
    void givenAMissingLibrary_native_failsTheStartWithHowToFix() {
        assertThatThrownBy(() -> new Argon2idSelection(1, false, BOGUS).select(Implementation.NATIVE, JAVA))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("shopcore.auth.argon2.implementation=native")
                .hasMessageContaining("libargon2 cannot be used")
                .hasMessageContaining(BOGUS)
                .hasMessageContaining("apt-get install libargon2-1");
    }

    @Test
    void givenAFallback_theWarning_saysWhyAndHowToFix() {
        assertThat(Argon2idSelection.fallbackWarning("UnsatisfiedLinkError: libargon2 not found"))
                .contains("libargon2 not found", "Bouncy Castle", "apt-get install libargon2-1")
                .doesNotContain("\n");
    }

    @Test
    void givenANativeImage_auto_choosesBouncyCastle_andNativeFails() {
        assertThat(new Argon2idSelection(1, true).select(Implementation.AUTO, JAVA))
                .isInstanceOf(BouncyCastleArgon2id.class);
        assertThatThrownBy(() -> new Argon2idSelection(1, true).select(Implementation.NATIVE, JAVA))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("native image");
    }

    @Test
    void givenTheHasher_itsGauge_namesTheImplementation() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new Argon2PasswordHasher(
                new NativeArgon2id(),
                64,
                1,
                1,
                new PasswordHashingPermits(1, 1, Duration.ofSeconds(5), registry),
                registry);
        assertThat(registry.get("shopcore_auth_password_hash_implementation")
                        .tag("implementation", "native")
                        .gauge()
                        .value())
                .isEqualTo(1.0);
    }

    /**
     * In a class loader of its own that could load JNA (its jar is on the loader's path), {@code java} leaves
     * JNA unloaded, and {@code native} loads it (so the check can see a load at all).
     */
    @Test
    void givenJava_select_neverLoadsJna() throws Exception {
        try (Isolated java = new Isolated()) {
            assertThat(java.select("JAVA").getClass().getSimpleName()).isEqualTo("BouncyCastleArgon2id");
            assertThat(java.loaded("io.shopcore.auth.adapter.out.crypto.Argon2idSelection"))
                    .isTrue();
            assertThat(java.loaded("com.sun.jna.Native")).isFalse();
            assertThat(java.loaded("com.sun.jna.Library")).isFalse();
            assertThat(java.loaded("io.shopcore.auth.adapter.out.crypto.NativeArgon2id"))
                    .isFalse();
        }
        try (Isolated nativeToo = new Isolated()) {
            assertThat(nativeToo.select("NATIVE").getClass().getSimpleName()).isEqualTo("NativeArgon2id");
            assertThat(nativeToo.loaded("com.sun.jna.Native")).isTrue();
        }
    }

    /** The auth adapters' classes, Bouncy Castle, JNA, Quarkus' image check and JBoss Logging, nothing else. */
    private static final class Isolated extends URLClassLoader {

        Isolated() throws ClassNotFoundException {
            super("isolated-argon2", urls(), ClassLoader.getPlatformClassLoader());
        }

        private static URL[] urls() throws ClassNotFoundException {
            return Stream.of(
                            Argon2idSelection.class,
                            org.bouncycastle.crypto.generators.Argon2BytesGenerator.class,
                            com.sun.jna.Native.class,
                            io.quarkus.runtime.ImageMode.class,
                            Class.forName("io.quarkus.bootstrap.graal.ImageInfo"),
                            org.jboss.logging.Logger.class)
                    .map(type -> type.getProtectionDomain().getCodeSource().getLocation())
                    .distinct()
                    .toArray(URL[]::new);
        }

        boolean loaded(String name) {
            return findLoadedClass(name) != null;
        }

        Object select(String implementation) throws Exception {
            Class<?> selection = loadClass(Argon2idSelection.class.getName());
            @SuppressWarnings({"unchecked", "rawtypes"})
            Object wanted =
                    Enum.valueOf((Class<? extends Enum>) loadClass(Implementation.class.getName()), implementation);
            Constructor<?> bouncyCastle =
                    loadClass(BouncyCastleArgon2id.class.getName()).getConstructor(int.class, int.class, int.class);
            Supplier<Object> java = () -> {
                try {
                    return bouncyCastle.newInstance(1, 64, 1);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            };
            Object instance = selection.getConstructor(int.class).newInstance(1);
            return selection
                    .getMethod("select", wanted.getClass(), Supplier.class)
                    .invoke(instance, wanted, java);
        }
    }
}
