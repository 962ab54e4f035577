package io.shopcore.auth.adapter.in.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopcore.auth.application.port.in.LogInUseCase;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;

/**
 * {@code shopcore_logins_total{outcome}}: every login by its outcome ({@code success},
 * {@code invalid_credentials}, {@code throttled}). A decorator of the inbound port, so the count is
 * exactly the use case's own result and neither the resource nor the service changes. The label has
 * three values; never the username or the client address.
 */
@Decorator
@Priority(10)
public abstract class MeteredLogIn implements LogInUseCase {

    @Inject
    @Delegate
    LogInUseCase delegate;

    private final Counter success;
    private final Counter invalid;
    private final Counter throttled;

    @Inject
    MeteredLogIn(MeterRegistry registry) {
        this.success = counter(registry, "success");
        this.invalid = counter(registry, "invalid_credentials");
        this.throttled = counter(registry, "throttled");
    }

    @Override
    public Result logIn(Command command) {
        Result result = delegate.logIn(command);
        switch (result) {
            case Result.Issued i -> success.increment();
            case Result.InvalidCredentials c -> invalid.increment();
            case Result.Throttled t -> throttled.increment();
        }
        return result;
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("shopcore.logins")
                .description("Logins by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }
}
