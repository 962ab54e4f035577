package io.shopcore.stock.adapter.out.batching;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/** The meters of one {@link RequestBatcher}, named {@code <prefix>.queue|size|transaction|overflow|shed|failures}. */
final class BatcherMetrics {

    private final DistributionSummary batchSizes;
    private final Timer batchTimer;
    private final Counter overflows;
    private final Counter shed;
    private final Counter failures;

    BatcherMetrics(MeterRegistry registry, String metricPrefix, IntSupplier queued) {
        Gauge.builder(metricPrefix + ".queue", queued, IntSupplier::getAsInt)
                .description("requests waiting for a batch writer")
                .register(registry);
        this.batchSizes = DistributionSummary.builder(metricPrefix + ".size")
                .description("requests per batch")
                .register(registry);
        this.batchTimer = Timer.builder(metricPrefix + ".transaction")
                .description("duration of applying one batch")
                .register(registry);
        this.overflows = Counter.builder(metricPrefix + ".overflow")
                .description("requests refused because the queue (or their partition's share) was full")
                .register(registry);
        this.shed = Counter.builder(metricPrefix + ".shed")
                .description("requests refused because they waited longer than max-queue-time")
                .register(registry);
        this.failures = Counter.builder(metricPrefix + ".failures")
                .description("batches that failed (every caller in them got the failure)")
                .register(registry);
    }

    void overflowed() {
        overflows.increment();
    }

    void shed() {
        shed.increment();
    }

    void failed() {
        failures.increment();
    }

    void applied(int batchSize, long nanos) {
        batchSizes.record(batchSize);
        batchTimer.record(nanos, TimeUnit.NANOSECONDS);
    }
}
