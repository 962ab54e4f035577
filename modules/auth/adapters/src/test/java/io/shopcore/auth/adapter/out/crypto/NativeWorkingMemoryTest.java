package io.shopcore.auth.adapter.out.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.shopcore.auth.adapter.out.crypto.NativeArgon2id.SizeT;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * libargon2's working memory is lent from a bounded set of kept buffers and comes back wiped: the first tests
 * drive the callbacks as libargon2 does, the last ones hash with the real library (CI installs libargon2-1).
 */
class NativeWorkingMemoryTest {

    private static final byte[] SALT = "shopcore-salt-16".getBytes(StandardCharsets.UTF_8);

    @Test
    void givenALentBuffer_freed_isKeptAndLentAgain() {
        NativeWorkingMemory memory = new NativeWorkingMemory(1);
        Pointer first = lend(memory, 4096);
        memory.free.invoke(first, new SizeT(4096));
        assertThat(memory.idleCount()).isEqualTo(1);

        Pointer second = lend(memory, 4096);
        assertThat(second).isEqualTo(first);
        assertThat(memory.idleCount()).isZero();
    }

    @Test
    void givenMoreHashesThanKept_freed_onlyTheLimitIsKept() throws Exception {
        NativeWorkingMemory memory = new NativeWorkingMemory(2);
        int hashes = 4;
        CountDownLatch allLent = new CountDownLatch(hashes);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < hashes; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                Pointer buffer = lend(memory, 1024);
                allLent.countDown();
                await(release);
                memory.free.invoke(buffer, new SizeT(1024));
            }));
        }
        allLent.await();
        assertThat(memory.idleCount()).isZero();
        release.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(memory.idleCount()).isEqualTo(2);
    }

    @Test
    void givenABiggerRequest_lend_replacesTheKeptBuffer() {
        NativeWorkingMemory memory = new NativeWorkingMemory(1);
        memory.free.invoke(lend(memory, 1024), new SizeT(1024));

        Pointer bigger = lend(memory, 8192);
        bigger.setByte(8191, (byte) 1); // the whole size is usable
        memory.free.invoke(bigger, new SizeT(8192));
        assertThat(memory.idleCount()).isEqualTo(1);
    }

    @Test
    void givenAPointerNotLent_free_keepsNothing() {
        NativeWorkingMemory memory = new NativeWorkingMemory(1);
        lend(memory, 1024);
        try (Memory foreign = new Memory(1024)) {
            memory.free.invoke(foreign, new SizeT(1024));
        }
        assertThat(memory.idleCount()).isZero();
    }

    @Test
    void givenABufferNeverFreed_reclaimStranded_wipesAndKeepsIt() {
        NativeWorkingMemory memory = new NativeWorkingMemory(1);
        Pointer stranded = lend(memory, 1024);
        stranded.setByte(100, (byte) 42);

        memory.reclaimStranded();

        assertThat(memory.idleCount()).isEqualTo(1);
        Pointer again = lend(memory, 1024);
        assertThat(again).isEqualTo(stranded);
        assertThat(again.getByteArray(0, 1024)).containsOnly((byte) 0);
    }

    @Test
    void givenManyHashesWithLibargon2_compute_keepsOneMemoryPerPermitAndItIsWiped() throws Exception {
        NativeArgon2id argon2 = new NativeArgon2id(2);
        byte[] expected = new BouncyCastleArgon2id(1, 256, 1).compute(password(), SALT, 256, 2, 1, 32);
        List<Thread> threads = new ArrayList<>();
        List<byte[]> results = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 4; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int j = 0; j < 25; j++) {
                    results.add(argon2.compute(password(), SALT, 256, 2, 1, 32));
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(results).hasSize(100).allSatisfy(hash -> assertThat(hash).isEqualTo(expected));
        assertThat(argon2.idleWorkingMemories()).isBetween(1, 2);
        assertThat(argon2.idleWorkingMemoryBytes())
                .allSatisfy(bytes -> assertThat(bytes).containsOnly((byte) 0));
    }

    /** Calls the allocation callback as libargon2 does (with a {@code uint8_t **}) and returns the buffer lent. */
    private static Pointer lend(NativeWorkingMemory memory, long bytes) {
        try (Memory holder = new Memory(Native.POINTER_SIZE)) {
            assertThat(memory.allocate.invoke(holder, new SizeT(bytes))).isZero();
            return holder.getPointer(0);
        }
    }

    private static byte[] password() {
        return "비밀번호 password".getBytes(StandardCharsets.UTF_8);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
