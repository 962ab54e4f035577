package io.shopcore.archfixture.infrastructure;

import io.shopcore.archfixture.orders.domain.LeakyOrder;

/** Fixture for ArchitectureRulesSelfTest: shared infrastructure that knows a context (orders). */
public class OrderAwareHelper {
    LeakyOrder order;
}
