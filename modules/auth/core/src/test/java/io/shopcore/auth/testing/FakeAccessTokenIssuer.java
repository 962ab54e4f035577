package io.shopcore.auth.testing;

import io.shopcore.auth.application.port.out.AccessTokenIssuer;
import io.shopcore.auth.domain.User;
import java.util.concurrent.atomic.AtomicInteger;

/** Issues readable stand-ins for JWTs: {@code "access:<userId>:<n>"}, valid for {@link #EXPIRES_IN_SECONDS}. */
public final class FakeAccessTokenIssuer implements AccessTokenIssuer {

    public static final long EXPIRES_IN_SECONDS = 900;

    private final AtomicInteger issued = new AtomicInteger();

    @Override
    public AccessToken issue(User user) {
        return new AccessToken("access:" + user.id() + ":" + issued.incrementAndGet(), EXPIRES_IN_SECONDS);
    }

    public int issued() {
        return issued.get();
    }
}
