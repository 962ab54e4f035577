package io.shopcore.stock.adapter.in.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.shopcore.stock.application.port.in.Caller;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The authenticated caller as the use cases see it: the token's subject (user id) and the admin role. */
@RequestScoped
public class CurrentCaller {

    private final SecurityIdentity identity;
    private final JsonWebToken jwt;

    public CurrentCaller(SecurityIdentity identity, JsonWebToken jwt) {
        this.identity = identity;
        this.jwt = jwt;
    }

    Caller get() {
        String subject = jwt == null ? null : jwt.getSubject();
        if (subject == null || subject.isBlank()) {
            subject = identity.getPrincipal().getName();
        }
        return new Caller(subject, identity.hasRole("admin"));
    }
}
