package io.shopcore.auth.testing;

import io.shopcore.auth.application.port.out.RefreshTokenRepository;
import io.shopcore.auth.application.port.out.UserRepository;

class InMemoryRefreshTokenRepositoryTest extends RefreshTokenRepositoryContract {

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryRefreshTokenRepository tokens = new InMemoryRefreshTokenRepository();

    @Override
    protected RefreshTokenRepository tokens() {
        return tokens;
    }

    @Override
    protected UserRepository users() {
        return users;
    }
}
