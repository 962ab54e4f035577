package io.shopcore.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.shopcore.archfixture.orders.adapter.in.rest.OrderResource;
import io.shopcore.archfixture.orders.application.PlaceOrderService;
import io.shopcore.archfixture.orders.domain.LeakyOrder;
import org.junit.jupiter.api.Test;

/**
 * Proves the rules can fail: each one is run over fixture classes (test sources, package
 * io.shopcore.archfixture) that break it on purpose, and must report the violation.
 */
class ArchitectureRulesSelfTest {

    private static final JavaClasses BROKEN = new ClassFileImporter()
            .importClasses(LeakyOrder.class, PlaceOrderService.class, OrderResource.class);

    private static EvaluationResult evaluate(ArchRule rule) {
        return rule.evaluate(BROKEN);
    }

    @Test
    void domainThatKnowsJpa_breaksDomainRule() {
        assertThat(evaluate(ArchitectureRules.DOMAIN_IS_PLAIN_JAVA).hasViolation()).isTrue();
    }

    @Test
    void entityOutsidePersistence_breaksEntityRule() {
        assertThat(evaluate(ArchitectureRules.ENTITIES_LIVE_IN_PERSISTENCE_ADAPTERS).hasViolation()).isTrue();
    }

    @Test
    void useCaseUsingAnAdapterOrJackson_breaksApplicationRule() {
        EvaluationResult result = evaluate(ArchitectureRules.APPLICATION_KNOWS_NO_ADAPTER_OR_FRAMEWORK);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("OrderResource").contains("ObjectMapper");
    }

    @Test
    void inboundAdapterUsingOutboundAdapter_breaksAdapterRule() {
        assertThat(evaluate(ArchitectureRules.INBOUND_AND_OUTBOUND_ADAPTERS_ARE_APART).hasViolation()).isTrue();
    }

    @Test
    void anotherContextsDomain_breaksApiOnlyRule() {
        EvaluationResult result = evaluate(ArchitectureRules.onlyApiVisibleOutside("auth"));
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("Username").contains("JpaUserRepository");
    }

    @Test
    void endpointWithoutSecurityAnnotation_breaksSecurityRule() {
        assertThat(evaluate(ArchitectureRules.EVERY_ENDPOINT_DECLARES_ITS_SECURITY).hasViolation()).isTrue();
    }

    @Test
    void ruleOverNothing_failsInsteadOfPassing() {
        ArchRule aboutRenamedPackage = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that().resideInAPackage("io.shopcore.renamed..").should().beInterfaces();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> aboutRenamedPackage.check(BROKEN))
                .isInstanceOf(AssertionError.class);
    }
}
