package io.shopcore.auth.application.port.out;

import io.shopcore.auth.domain.User;
import io.shopcore.auth.domain.UserId;
import io.shopcore.auth.domain.Username;
import java.util.Optional;

/** Where users are kept. */
public interface UserRepository {

    Optional<User> findByUsername(Username username);

    Optional<User> findById(UserId id);

    /** Adds the user unless the username is taken (atomically, also under concurrency); false when taken. */
    boolean addIfUsernameFree(User user);

    /** Saves the password hash and roles of an existing user. */
    void update(User user);
}
