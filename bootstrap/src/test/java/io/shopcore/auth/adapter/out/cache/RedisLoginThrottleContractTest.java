package io.shopcore.auth.adapter.out.cache;

import io.quarkus.test.junit.QuarkusTest;
import io.shopcore.auth.application.port.out.LoginThrottle;
import io.shopcore.auth.testing.LoginThrottleContract;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@link LoginThrottleContract} against the Redis adapter and the real Redis. */
@QuarkusTest
class RedisLoginThrottleContractTest extends LoginThrottleContract {

    @Inject
    LoginThrottle throttle;

    @ConfigProperty(name = "shopcore.auth.throttle.max-failures-per-username")
    int perUser;

    @ConfigProperty(name = "shopcore.auth.throttle.max-failures-per-address")
    int perAddress;

    @Override
    protected LoginThrottle throttle() {
        return throttle;
    }

    @Override
    protected int maxPerUsername() {
        return perUser;
    }

    @Override
    protected int maxPerAddress() {
        return perAddress;
    }
}
