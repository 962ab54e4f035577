package io.shopcore.auth.adapter.out.crypto;

import io.quarkus.runtime.ImageMode;
import io.shopcore.auth.adapter.config.AuthConfig.Argon2.Implementation;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Chooses who computes Argon2id ({@code shopcore.auth.argon2.implementation}): {@code java} is Bouncy Castle;
 * {@code native} is libargon2 or a failed start; {@code auto} is libargon2 when it loads and gives Bouncy
 * Castle's bytes, else Bouncy Castle with one warning. A native image always gets Bouncy Castle (JNA is not
 * registered for native images), and {@code native} fails there.
 *
 * <p>The native class is loaded only by name and only after the image check, so {@code java} never loads JNA
 * and the native image analysis does not reach it.
 */
public final class Argon2idSelection {

    private static final Logger LOG = Logger.getLogger(Argon2idSelection.class);
    // Not a constant on purpose: nothing but this reflective call refers to the class.
    private static final String NATIVE_CLASS = Argon2idSelection.class.getPackageName() + ".NativeArgon2id";
    private static final String KEY = "shopcore.auth.argon2.implementation";
    private static final String HOW_TO_FIX = "install it (apt-get install libargon2-1)";

    private final int concurrency;
    private final boolean simulateNativeImage;
    private final String[] libraryNames;

    /** @param concurrency hashes that may run at once (the hashing permits), which sizes libargon2's kept memory */
    public Argon2idSelection(int concurrency) {
        this(concurrency, false);
    }

    /**
     * @param simulateNativeImage behave as in a native image (tests)
     * @param libraryNames the libraries to try instead of NativeArgon2id's (tests); none = its own
     */
    Argon2idSelection(int concurrency, boolean simulateNativeImage, String... libraryNames) {
        this.concurrency = concurrency;
        this.simulateNativeImage = simulateNativeImage;
        this.libraryNames = libraryNames.clone();
    }

    /**
     * @param java makes the Bouncy Castle function, when that is the choice
     * @throws IllegalStateException for {@code native} when libargon2 cannot be used (the start fails)
     */
    public Argon2idFunction select(Implementation wanted, Supplier<Argon2idFunction> java) {
        Argon2idFunction chosen = switch (wanted) {
            case JAVA -> java.get();
            case NATIVE -> {
                try {
                    yield loadNative();
                } catch (Unavailable e) {
                    throw new IllegalStateException(KEY + "=native, but libargon2 cannot be used: "
                            + e.getMessage() + ". " + capitalized(HOW_TO_FIX) + ", or set " + KEY
                            + "=auto (falls back to Bouncy Castle) or java");
                }
            }
            case AUTO -> {
                try {
                    yield loadNative();
                } catch (Unavailable e) {
                    if (e.expected) {
                        LOG.infof("auth: %s", e.getMessage());
                    } else {
                        LOG.warn(fallbackWarning(e.getMessage()));
                    }
                    yield java.get();
                }
            }
        };
        LOG.infof(
                "auth: Argon2id hashes computed by %s (%s=%s)",
                chosen, KEY, wanted.name().toLowerCase(Locale.ROOT));
        return chosen;
    }

    /** The one line {@code auto} logs when it falls back: why, what it costs, how to fix it. */
    static String fallbackWarning(String reason) {
        return "auth: libargon2 cannot be used (" + reason + "): password hashes are computed by Bouncy Castle"
                + " instead, about 1.4x the time per hash (same hashes). To fix, " + HOW_TO_FIX + "; or set " + KEY
                + "=java to choose Bouncy Castle on purpose";
    }

    private Argon2idFunction loadNative() throws Unavailable {
        // First, before anything touches the native class: a native image folds this check at build time.
        if (simulateNativeImage || ImageMode.current().isNativeImage()) {
            throw new Unavailable("a native image computes Argon2id with Bouncy Castle (no JNA there)", true);
        }
        Argon2idFunction function;
        try {
            Class<?> type = Class.forName(NATIVE_CLASS);
            function = (Argon2idFunction)
                    type.getDeclaredConstructor(int.class, String[].class).newInstance(concurrency, libraryNames);
        } catch (InvocationTargetException e) {
            throw new Unavailable(describe(e.getCause()), false);
        } catch (ReflectiveOperationException | LinkageError e) { // e.g. JNA's own stub cannot be unpacked
            throw new Unavailable(describe(e), false);
        }
        selfTest(function);
        return function;
    }

    /** Same bytes as Bouncy Castle on a tiny input, or the library is not used (a foreign build, a wrong mapping). */
    private static void selfTest(Argon2idFunction function) throws Unavailable {
        byte[] password = "shopcore self-test 한국어".getBytes(StandardCharsets.UTF_8);
        byte[] salt = "shopcore-salt-16".getBytes(StandardCharsets.UTF_8);
        byte[] expected = new BouncyCastleArgon2id(1, 64, 2).compute(password, salt, 64, 2, 2, 32);
        byte[] actual;
        try {
            actual = function.compute(password, salt, 64, 2, 2, 32);
        } catch (RuntimeException | LinkageError e) {
            throw new Unavailable(function + " failed its self-test: " + describe(e), false);
        }
        if (!Arrays.equals(expected, actual)) {
            throw new Unavailable(function + " gives other bytes than Bouncy Castle for the same input", false);
        }
    }

    private static String describe(Throwable e) {
        String message =
                e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Why libargon2 is not used; {@code expected} in a native image, where it is no fault. */
    private static final class Unavailable extends Exception {
        final boolean expected;

        Unavailable(String reason, boolean expected) {
            super(reason, null, false, false);
            this.expected = expected;
        }
    }
}
