package io.shopcore.auth.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.shopcore.auth.application.port.out.UserRepository;
import io.shopcore.auth.domain.Role;
import io.shopcore.auth.domain.User;
import io.shopcore.auth.domain.UserId;
import io.shopcore.auth.domain.Username;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What every {@link UserRepository} does; run against {@link InMemoryUserRepository} and the JPA adapter. */
public abstract class UserRepositoryContract extends AuthStoreSupport {

    protected abstract UserRepository users();

    @Test
    void givenANewUsername_add_storesTheUserFindableByNameAndId() {
        User user = User.newAdmin(uniqueUsername("alice"), "hash-1", T0);
        user.grant(Role.CUSTOMER);

        assertThat(inTransaction(() -> users().addIfUsernameFree(user))).isTrue();

        for (User found : List.of(
                inTransaction(() -> users().findByUsername(user.username())).orElseThrow(),
                inTransaction(() -> users().findById(user.id())).orElseThrow())) {
            assertThat(found.id()).isEqualTo(user.id());
            assertThat(found.username()).isEqualTo(user.username());
            assertThat(found.passwordHash()).isEqualTo("hash-1");
            assertThat(found.roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.CUSTOMER);
            assertThat(found.createdAt()).isEqualTo(T0);
        }
    }

    @Test
    void givenATakenUsername_add_isRefusedAndKeepsTheFirstUser() {
        Username name = uniqueUsername("bob");
        User first = aCustomer(name);
        inTransaction(() -> users().addIfUsernameFree(first));
        User second = User.register(new Username(name.value().toUpperCase()), "other-hash", T0);

        assertThat(inTransaction(() -> users().addIfUsernameFree(second))).isFalse();

        assertThat(inTransaction(() -> users().findByUsername(name))
                        .orElseThrow()
                        .id())
                .isEqualTo(first.id());
        assertThat(inTransaction(() -> users().findById(second.id()))).isEmpty();
    }

    @Test
    void givenUnknownNameOrId_find_isEmpty() {
        assertThat(inTransaction(() -> users().findByUsername(uniqueUsername("nobody"))))
                .isEmpty();
        assertThat(inTransaction(() -> users().findById(UserId.random()))).isEmpty();
    }

    @Test
    void givenAChangedUser_update_storesItsHashAndRoles() {
        User user = aCustomer(uniqueUsername("carol"));
        inTransaction(() -> users().addIfUsernameFree(user));

        inTransaction(() -> {
            User loaded = users().findById(user.id()).orElseThrow();
            loaded.changePasswordHash("new-hash");
            loaded.grant(Role.ADMIN);
            users().update(loaded);
        });

        User found = inTransaction(() -> users().findById(user.id())).orElseThrow();
        assertThat(found.passwordHash()).isEqualTo("new-hash");
        assertThat(found.roles()).containsExactlyInAnyOrder(Role.CUSTOMER, Role.ADMIN);
        assertThat(found.username()).isEqualTo(user.username());
    }

    @Test
    void givenALoadedUserChangedButNotUpdated_find_stillReturnsTheStoredOne() {
        User user = aCustomer(uniqueUsername("dave"));
        inTransaction(() -> users().addIfUsernameFree(user));

        inTransaction(() -> users().findById(user.id()).orElseThrow().changePasswordHash("never-saved"));

        assertThat(inTransaction(() -> users().findById(user.id()))
                        .orElseThrow()
                        .passwordHash())
                .isEqualTo(user.passwordHash());
    }

    @Test
    void givenAnUnknownUser_update_fails() {
        User stranger = aCustomer(uniqueUsername("ghost"));
        Throwable thrown = catchThrowable(() -> inTransaction(() -> users().update(stranger)));
        assertThat(causedBy(thrown, IllegalStateException.class))
                .as("%s", thrown)
                .isTrue();
        assertThat(inTransaction(() -> users().findById(stranger.id()))).isEmpty();
    }

    @Test
    void givenConcurrentRegistrationsOfOneName_add_letsExactlyOneWin() throws Exception {
        Username name = uniqueUsername("race");
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                User candidate = aCustomer(name);
                results.add(pool.submit(() -> {
                    start.await();
                    return inTransaction(() -> users().addIfUsernameFree(candidate));
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> r : results) {
                won += r.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(inTransaction(() -> users().findByUsername(name))).isPresent();
    }
}
