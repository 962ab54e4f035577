package io.shopcore.auth.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopcore.auth.application.port.in.UserView;
import io.shopcore.auth.domain.Role;
import io.shopcore.auth.domain.User;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserQueryServiceTest {

    final AuthFixture auth = new AuthFixture();

    @Test
    void givenAStoredUser_byId_showsItsViewWithSortedRoleNames() {
        User user = auth.customer("alice");
        User loaded = auth.users.findById(user.id()).orElseThrow();
        loaded.grant(Role.ADMIN);
        auth.users.update(loaded);

        assertThat(auth.queries.byId(user.id().toString()))
                .contains(new UserView(user.id().toString(), "alice", List.of("admin", "customer")));
    }

    @Test
    void givenAnUnknownOrMalformedId_byId_isEmpty() {
        auth.customer("bob");
        assertThat(auth.queries.byId(UUID.randomUUID().toString())).isEmpty();
        assertThat(auth.queries.byId("not-a-uuid")).isEmpty();
        assertThat(auth.queries.byId(null)).isEmpty();
    }
}
