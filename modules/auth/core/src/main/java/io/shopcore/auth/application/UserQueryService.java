package io.shopcore.auth.application;

import io.shopcore.auth.application.port.in.UserQueries;
import io.shopcore.auth.application.port.in.UserView;
import io.shopcore.auth.application.port.out.UserRepository;
import io.shopcore.auth.domain.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class UserQueryService implements UserQueries {

    private final UserRepository users;

    public UserQueryService(UserRepository users) {
        this.users = users;
    }

    @Override
    public Optional<UserView> byId(String userId) {
        UserId id;
        try {
            id = UserId.parse(userId);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
        return users.findById(id).map(UserView::of);
    }
}
