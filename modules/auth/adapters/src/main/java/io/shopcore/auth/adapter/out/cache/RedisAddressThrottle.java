package io.shopcore.auth.adapter.out.cache;

import io.shopcore.auth.adapter.config.AuthConfig;
import io.shopcore.auth.application.port.out.AddressThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Registrations and refreshes per client address ({@code auth:<action>-attempts:addr:<ip>}), one atomic count each. */
@ApplicationScoped
public class RedisAddressThrottle implements AddressThrottle {

    private final RedisWindowCounters counters;
    private final AuthConfig.Throttle limits;

    public RedisAddressThrottle(RedisWindowCounters counters, AuthConfig config) {
        this.counters = counters;
        this.limits = config.throttle();
    }

    @Override
    public Optional<Duration> attempt(Action action, String clientAddress) {
        int max = switch (action) {
            case REGISTER -> limits.maxRegistrationsPerAddress();
            case REFRESH -> limits.maxRefreshesPerAddress();
        };
        RedisWindowCounters.Count count =
                counters.increment(limits.window(), key(action, clientAddress)).get(0);
        return count.value() > max ? Optional.of(count.remaining()) : Optional.empty();
    }

    static String key(Action action, String address) {
        return "auth:" + action.name().toLowerCase(Locale.ROOT) + "-attempts:addr:"
                + (address == null ? "unknown" : address);
    }
}
