package io.shopcore.archfixture.orders.application.port.in;

/** Fixture for ArchitectureRulesSelfTest: an inbound port that is a class, not an interface. */
public abstract class PlaceOrderUseCase {
    public abstract void place(long productId);
}
