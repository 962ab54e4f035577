package io.shopcore.auth.adapter.in.rest;

import io.shopcore.auth.application.port.in.UserView;
import java.util.List;

public record UserResponse(String id, String username, List<String> roles) {

    static UserResponse from(UserView v) {
        return new UserResponse(v.id(), v.username(), v.roles());
    }
}
