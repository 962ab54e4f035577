package io.shopcore.archfixture.orders.adapter.in.rest;

/** Fixture for ArchitectureRulesSelfTest: an inbound adapter that calls an outbound one, with an unsecured endpoint. */
@jakarta.ws.rs.Path("/orders")
public class OrderResource {
    io.shopcore.auth.adapter.out.persistence.JpaUserRepository repository;

    @jakarta.ws.rs.GET
    public String list() {
        return "[]";
    }
}
