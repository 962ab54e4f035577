package io.shopcore.auth.application.port.in;

import java.util.Optional;

/** Reads of user accounts. */
public interface UserQueries {

    /** The user with this id (the JWT subject), if it exists. */
    Optional<UserView> byId(String userId);
}
