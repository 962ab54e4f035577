package io.shopcore.archfixture.orders.adapter.in.rest;

/** Fixture for ArchitectureRulesSelfTest: an inbound adapter that calls an outbound one. */
public class OrderResource {
    io.shopcore.auth.adapter.out.persistence.JpaUserRepository repository;
}
