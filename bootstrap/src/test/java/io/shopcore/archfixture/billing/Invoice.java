package io.shopcore.archfixture.billing;

import io.shopcore.archfixture.orders.domain.LeakyOrder;

/** Fixture for ArchitectureRulesSelfTest: the billing side of an orders/billing cycle. */
public class Invoice {
    LeakyOrder order;
}
