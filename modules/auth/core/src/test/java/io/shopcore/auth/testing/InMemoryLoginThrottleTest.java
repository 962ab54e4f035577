package io.shopcore.auth.testing;

import io.shopcore.auth.application.port.out.LoginThrottle;
import java.time.Duration;

class InMemoryLoginThrottleTest extends LoginThrottleContract {

    private final InMemoryLoginThrottle throttle = new InMemoryLoginThrottle(3, 7, Duration.ofMinutes(5));

    @Override
    protected LoginThrottle throttle() {
        return throttle;
    }

    @Override
    protected int maxPerUsername() {
        return 3;
    }

    @Override
    protected int maxPerAddress() {
        return 7;
    }
}
