package io.shopcore.archfixture.orders.adapter.out.persistence;

import io.shopcore.archfixture.billing.Invoice;
import io.shopcore.archfixture.orders.adapter.in.rest.OrderResource;
import io.shopcore.infrastructure.problem.ApiProblemException;
import io.shopcore.infrastructure.problem.ProblemCode;

/**
 * Fixture for ArchitectureRulesSelfTest: an outbound adapter that calls back into an inbound adapter,
 * answers with HTTP problem and JAX-RS types, and depends on another context (billing) that depends
 * back on this one (a cycle).
 */
public class JpaOrderRepository {
    OrderResource resource;
    Invoice invoice;

    jakarta.ws.rs.core.Response find() {
        throw new ApiProblemException(ProblemCode.UNAVAILABLE, "store down");
    }
}
