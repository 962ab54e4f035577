package io.shopcore.archfixture.orders.application;

import io.shopcore.archfixture.orders.adapter.in.rest.OrderResource;
import io.shopcore.auth.domain.Username;

/** Fixture for ArchitectureRulesSelfTest: a use case that reaches into an adapter and another context's domain. */
public class PlaceOrderService {
    Username buyer;
    OrderResource resource;
    com.fasterxml.jackson.databind.ObjectMapper mapper;
}
