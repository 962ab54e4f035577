package io.shopcore.auth.adapter.out.crypto;

import com.sun.jna.IntegerType;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Argon2id from the reference C implementation (Debian's {@code libargon2-1}, through JNA): the same bytes
 * as Bouncy Castle in about 0.7x its time (docs/performance.md). The working memory is reused across
 * hashes ({@link NativeWorkingMemory}), given to {@code argon2_ctx} through its allocation callbacks. Loaded
 * only by name from {@link Argon2idSelection}, never in a native image (JNA is not registered for one), so
 * nothing else may refer to this class.
 */
final class NativeArgon2id implements Argon2idFunction {

    /** The unversioned name first (JNA then also finds {@code libargon2.so.N}), then Debian's soname. */
    static final String[] LIBRARY_NAMES = {"argon2", "libargon2.so.1"};

    /** {@code Argon2_id} of argon2.h's {@code argon2_type}. */
    static final int ARGON2_ID = 2;
    /** {@code ARGON2_VERSION_13}. */
    static final int VERSION_13 = 0x13;

    /** The two functions of argon2.h used here; {@code uint32_t} is an int, {@code size_t} a {@link SizeT}. */
    interface Libargon2 extends Library {
        int argon2_ctx(Context context, int type);

        String argon2_error_message(int errorCode);
    }

    /** argon2.h's {@code argon2_context}, field by field; passed by pointer. */
    @FieldOrder({
        "out",
        "outlen",
        "pwd",
        "pwdlen",
        "salt",
        "saltlen",
        "secret",
        "secretlen",
        "ad",
        "adlen",
        "t_cost",
        "m_cost",
        "lanes",
        "threads",
        "version",
        "allocate_cbk",
        "free_cbk",
        "flags"
    })
    public static final class Context extends Structure {
        public Pointer out;
        public int outlen;
        public Pointer pwd;
        public int pwdlen;
        public Pointer salt;
        public int saltlen;
        public Pointer secret;
        public int secretlen;
        public Pointer ad;
        public int adlen;
        public int t_cost;
        public int m_cost;
        public int lanes;
        public int threads;
        public int version;
        public NativeWorkingMemory.Allocate allocate_cbk;
        public NativeWorkingMemory.Free free_cbk;
        public int flags; // ARGON2_DEFAULT_FLAGS: libargon2 still wipes its working memory before freeing it
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
    private final NativeWorkingMemory workingMemory;

    /** For one hash at a time, from the usual library names. */
    NativeArgon2id() {
        this(1);
    }

    /**
     * Loads the first of {@code libraryNames} (none: {@link #LIBRARY_NAMES}) that loads.
     *
     * @param concurrency hashes that may run at once (the hashing permits): one working memory kept for each
     * @throws UnsatisfiedLinkError naming every attempt, when none does
     */
    NativeArgon2id(int concurrency, String... libraryNames) {
        Loaded loaded = load(libraryNames.length == 0 ? LIBRARY_NAMES : libraryNames);
        this.library = loaded.library();
        this.file = loaded.file();
        this.workingMemory = new NativeWorkingMemory(concurrency);
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
        try (Memory out = new Memory(length);
                Memory pwd = copy(password);
                Memory saltCopy = copy(salt)) {
            Context context = new Context();
            context.out = out;
            context.outlen = length;
            context.pwd = pwd;
            context.pwdlen = password.length;
            context.salt = saltCopy;
            context.saltlen = salt.length;
            context.t_cost = iterations;
            context.m_cost = memoryKib;
            context.lanes = parallelism;
            context.threads = parallelism; // as argon2id_hash_raw does
            context.version = VERSION_13;
            context.allocate_cbk = workingMemory.allocate;
            context.free_cbk = workingMemory.free;
            int code;
            try {
                code = library.argon2_ctx(context, ARGON2_ID);
            } finally {
                workingMemory.reclaimStranded();
                pwd.clear();
            }
            if (code != 0) { // ARGON2_OK
                throw new IllegalStateException(
                        "libargon2 argon2_ctx failed: " + library.argon2_error_message(code) + " (" + code + ")");
            }
            return out.getByteArray(0, length);
        }
    }

    /** Working memories kept for the next hashes (tests). */
    int idleWorkingMemories() {
        return workingMemory.idleCount();
    }

    /** Their bytes (tests: wiped by libargon2). */
    List<byte[]> idleWorkingMemoryBytes() {
        return workingMemory.idleContents();
    }

    /** Native copy of {@code bytes}; at least one byte, since JNA has no empty {@link Memory}. */
    private static Memory copy(byte[] bytes) {
        Memory memory = new Memory(Math.max(1, bytes.length));
        memory.write(0, bytes, 0, bytes.length);
        return memory;
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
