package io.shopcore.auth.adapter.out.crypto;

import com.sun.jna.IntegerType;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.util.ArrayList;
import java.util.List;

/**
 * Argon2id from the reference C implementation (Debian's {@code libargon2-1}, through JNA): the same bytes
 * as Bouncy Castle in about 0.7x its time (docs/performance.md). Loaded only by name from
 * {@link Argon2idSelection}, never in a native image (JNA is not registered for one), so nothing else may
 * refer to this class.
 */
final class NativeArgon2id implements Argon2idFunction {

    /** The unversioned name first (JNA then also finds {@code libargon2.so.N}), then Debian's soname. */
    static final String[] LIBRARY_NAMES = {"argon2", "libargon2.so.1"};

    /** The two functions of argon2.h used here; {@code uint32_t} is an int, {@code size_t} a {@link SizeT}. */
    interface Libargon2 extends Library {
        int argon2id_hash_raw(
                int tCost,
                int mCost,
                int parallelism,
                byte[] pwd,
                SizeT pwdlen,
                byte[] salt,
                SizeT saltlen,
                byte[] hash,
                SizeT hashlen);

        String argon2_error_message(int errorCode);
    }

    /** C's {@code size_t}, whatever its width on this platform. */
    public static final class SizeT extends IntegerType {
        public SizeT() {
            this(0);
        }

        public SizeT(long value) {
            super(Native.SIZE_T_SIZE, value, true);
        }
    }

    private final Libargon2 library;
    private final String file;

    NativeArgon2id() {
        this(LIBRARY_NAMES);
    }

    /**
     * Loads the first of {@code libraryNames} that loads.
     *
     * @throws UnsatisfiedLinkError naming every attempt, when none does
     */
    NativeArgon2id(String... libraryNames) {
        Loaded loaded = load(libraryNames);
        this.library = loaded.library();
        this.file = loaded.file();
    }

    private record Loaded(Libargon2 library, String file) {}

    private static Loaded load(String... libraryNames) {
        List<String> failures = new ArrayList<>();
        for (String name : libraryNames) {
            try {
                NativeLibrary found = NativeLibrary.getInstance(name);
                String file = found.getFile() == null ? name : found.getFile().getPath();
                return new Loaded(Native.load(name, Libargon2.class), file);
            } catch (UnsatisfiedLinkError e) {
                failures.add(name + ": " + firstLine(e.getMessage()));
            }
        }
        throw new UnsatisfiedLinkError("libargon2 not found (" + String.join("; ", failures) + ")");
    }

    @Override
    public byte[] compute(byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        byte[] out = new byte[length];
        int code = library.argon2id_hash_raw(
                iterations,
                memoryKib,
                parallelism,
                password,
                new SizeT(password.length),
                salt,
                new SizeT(salt.length),
                out,
                new SizeT(length));
        if (code != 0) { // ARGON2_OK
            throw new IllegalStateException(
                    "libargon2 argon2id_hash_raw failed: " + library.argon2_error_message(code) + " (" + code + ")");
        }
        return out;
    }

    @Override
    public String name() {
        return "native";
    }

    @Override
    public String toString() {
        return "libargon2 (native, " + file + ")";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "not found";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
