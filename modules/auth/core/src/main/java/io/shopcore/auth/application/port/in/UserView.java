package io.shopcore.auth.application.port.in;

import io.shopcore.auth.domain.Role;
import io.shopcore.auth.domain.User;
import java.util.List;

/** What the API shows of a user. */
public record UserView(String id, String username, List<String> roles) {

    public static UserView of(User user) {
        return new UserView(
                user.id().toString(),
                user.username().value(),
                user.roles().stream().map(Role::wireName).sorted().toList());
    }
}
