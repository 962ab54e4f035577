package io.shopcore.infrastructure.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Gives {@code http_server_requests_seconds} fixed SLO buckets, so Prometheus can compute latency
 * percentiles per route across instances ({@code histogram_quantile}) and the SLO burn-rate alerts can
 * count requests slower than the objective. A handful of fixed buckets instead of Micrometer's
 * percentile histogram (≈70 buckets per series) keeps the series count small. The 250 ms and 1 s
 * buckets are the objectives used by deploy/prometheus/shopcore-alerts.yml.
 */
@Singleton
public class HttpServerHistograms {

    static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    static final double[] SLO_SECONDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    @Produces
    @Singleton
    MeterFilter httpServerSloBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!HTTP_SERVER_REQUESTS.equals(id.getName())) {
                    return config;
                }
                double[] nanos = new double[SLO_SECONDS.length]; // timers take their SLOs in nanoseconds
                for (int i = 0; i < SLO_SECONDS.length; i++) {
                    nanos[i] = SLO_SECONDS[i] * 1e9;
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(nanos)
                        .build()
                        .merge(config);
            }
        };
    }
}
