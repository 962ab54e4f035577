package io.shopcore.auth.adapter.out.crypto;

import com.sun.jna.Callback;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.shopcore.auth.adapter.out.crypto.NativeArgon2id.SizeT;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * libargon2's working memory (m KiB per hash), reused instead of {@code malloc}ed per hash: given to
 * {@code argon2_ctx} through its allocation callbacks. Per-hash {@code malloc} made glibc keep each
 * hashing thread's freed 19 MiB in that thread's arena (RSS +250 MB under a login flood); a fixed mmap
 * threshold returned it, but paid a fresh 19 MiB of page faults per hash (docs/performance.md).
 *
 * <p>At most {@code idleLimit} buffers are kept (one per hash that may run at once); a hash beyond them
 * gets a buffer that is freed afterwards. libargon2 wipes the memory before it hands it back.
 *
 * <p>The callbacks run on the hashing thread, inside {@code argon2_ctx}, so the buffer lent to a hash is
 * found through a thread local. The instance must stay reachable while hashes run: JNA keeps only weak
 * references to callbacks.
 */
final class NativeWorkingMemory {

    /** {@code ARGON2_MEMORY_ALLOCATION_ERROR} of argon2.h. */
    static final int ALLOCATION_ERROR = -22;

    /** {@code typedef int (*allocate_fptr)(uint8_t **memory, size_t bytes_to_allocate);} */
    public interface Allocate extends Callback {
        int invoke(Pointer memory, SizeT bytes);
    }

    /** {@code typedef void (*deallocate_fptr)(uint8_t *memory, size_t bytes_to_allocate);} */
    public interface Free extends Callback {
        void invoke(Pointer memory, SizeT bytes);
    }

    private final BlockingQueue<Memory> idle;
    private final ThreadLocal<Memory> lent = new ThreadLocal<>();
    final Allocate allocate = this::lend;
    final Free free = (memory, bytes) -> takeBack(memory);

    /** @param idleLimit buffers kept between hashes (at least 1) */
    NativeWorkingMemory(int idleLimit) {
        this.idle = new ArrayBlockingQueue<>(Math.max(1, idleLimit));
    }

    /** Buffers kept for the next hashes. */
    int idleCount() {
        return idle.size();
    }

    /** A copy of each kept buffer's bytes (tests: they must be wiped). */
    List<byte[]> idleContents() {
        return idle.stream()
                .map(buffer -> buffer.getByteArray(0, (int) buffer.size()))
                .toList();
    }

    /**
     * Returns a buffer that a hash on this thread took and libargon2 did not hand back (it returned an
     * error before freeing): wiped here, then kept or freed.
     */
    void reclaimStranded() {
        Memory stranded = lent.get();
        if (stranded != null) {
            lent.remove();
            stranded.clear();
            keepOrFree(stranded);
        }
    }

    private int lend(Pointer memory, SizeT bytes) {
        try {
            long size = bytes.longValue();
            Memory buffer = idle.poll();
            if (buffer != null && buffer.size() < size) { // m grew (tests hash with several sizes)
                buffer.close();
                buffer = null;
            }
            if (buffer == null) {
                buffer = new Memory(size);
            }
            lent.set(buffer);
            memory.setPointer(0, buffer);
            return 0; // ARGON2_OK
        } catch (RuntimeException | OutOfMemoryError e) { // never throw into C
            return ALLOCATION_ERROR;
        }
    }

    private void takeBack(Pointer memory) {
        Memory buffer = lent.get();
        if (buffer == null || Pointer.nativeValue(buffer) != Pointer.nativeValue(memory)) {
            return; // not ours: nothing to keep
        }
        lent.remove();
        keepOrFree(buffer);
    }

    private void keepOrFree(Memory buffer) {
        if (!idle.offer(buffer)) {
            buffer.close();
        }
    }
}
