package io.shopcore.auth.testing;

import io.shopcore.auth.application.port.out.UserRepository;

class InMemoryUserRepositoryTest extends UserRepositoryContract {

    private final InMemoryUserRepository users = new InMemoryUserRepository();

    @Override
    protected UserRepository users() {
        return users;
    }
}
