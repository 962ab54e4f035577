package io.shopcore.archfixture.orders.domain;

/** Fixture for ArchitectureRulesSelfTest: a domain class that knows JPA (forbidden). */
@jakarta.persistence.Entity
public class LeakyOrder {
    @jakarta.persistence.Id
    Long id;
}
