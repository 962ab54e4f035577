package io.shopcore.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.shopcore.archfixture.billing.Invoice;
import io.shopcore.archfixture.infrastructure.OrderAwareHelper;
import io.shopcore.archfixture.orders.adapter.in.rest.OrderResource;
import io.shopcore.archfixture.orders.adapter.out.persistence.JpaOrderRepository;
import io.shopcore.archfixture.orders.application.PlaceOrderService;
import io.shopcore.archfixture.orders.application.port.in.PlaceOrderUseCase;
import io.shopcore.archfixture.orders.domain.LeakyOrder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the rules can fail: each one is run over fixture classes (test sources, package
 * io.shopcore.archfixture) that break it on purpose, and must report the violation.
 */
class ArchitectureRulesSelfTest {

    private static final JavaClasses BROKEN = new ClassFileImporter()
            .importClasses(
                    LeakyOrder.class,
                    PlaceOrderService.class,
                    OrderResource.class,
                    PlaceOrderUseCase.class,
                    JpaOrderRepository.class,
                    Invoice.class,
                    OrderAwareHelper.class);

    /** The fixture's root package, standing in for io.shopcore in the root-parameterised rules. */
    private static final String FIXTURE_ROOT = "io.shopcore.archfixture";

    private static EvaluationResult evaluate(ArchRule rule) {
        return rule.evaluate(BROKEN);
    }

    @Test
    void domainThatKnowsJpa_breaksDomainRule() {
        assertThat(evaluate(ArchitectureRules.DOMAIN_IS_PLAIN_JAVA).hasViolation())
                .isTrue();
    }

    @Test
    void entityOutsidePersistence_breaksEntityRule() {
        assertThat(evaluate(ArchitectureRules.ENTITIES_LIVE_IN_PERSISTENCE_ADAPTERS)
                        .hasViolation())
                .isTrue();
    }

    @Test
    void useCaseUsingAnAdapterOrJackson_breaksApplicationRule() {
        EvaluationResult result = evaluate(ArchitectureRules.APPLICATION_KNOWS_NO_ADAPTER_OR_FRAMEWORK);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString())
                .contains("OrderResource")
                .contains("ObjectMapper");
    }

    @Test
    void inboundAdapterUsingOutboundAdapter_breaksAdapterRule() {
        assertThat(evaluate(ArchitectureRules.INBOUND_AND_OUTBOUND_ADAPTERS_ARE_APART)
                        .hasViolation())
                .isTrue();
    }

    @Test
    void anotherContextsDomain_breaksApiOnlyRule() {
        EvaluationResult result = evaluate(ArchitectureRules.onlyApiVisibleOutside("auth"));
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("Username").contains("JpaUserRepository");
    }

    @Test
    void endpointWithoutSecurityAnnotation_breaksSecurityRule() {
        assertThat(evaluate(ArchitectureRules.EVERY_ENDPOINT_DECLARES_ITS_SECURITY)
                        .hasViolation())
                .isTrue();
    }

    @Test
    void portThatIsAClass_breaksPortRule() {
        EvaluationResult result = evaluate(ArchitectureRules.PORTS_ARE_INTERFACES);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("PlaceOrderUseCase");
    }

    @Test
    void outboundAdapterUsingInboundAdapter_breaksOutDoesNotKnowInRule() {
        EvaluationResult result = evaluate(ArchitectureRules.OUTBOUND_ADAPTERS_DO_NOT_KNOW_INBOUND);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString())
                .contains("JpaOrderRepository")
                .contains("OrderResource");
    }

    @Test
    void outboundAdapterUsingProblemsOrJaxRs_breaksNoHttpRule() {
        EvaluationResult result = evaluate(ArchitectureRules.OUTBOUND_ADAPTERS_SPEAK_NO_HTTP);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString())
                .contains("ApiProblemException")
                .contains("ProblemCode")
                .contains("jakarta.ws.rs.core.Response");
    }

    @Test
    void exemptingTheOffender_silencesOnlyIt() {
        // The fixture has one outbound adapter; exempting it leaves nothing to check, which is fine here.
        assertThat(evaluate(ArchitectureRules.outboundAdaptersSpeakNoHttp(JpaOrderRepository.class.getName())
                                .allowEmptyShould(true))
                        .hasViolation())
                .isFalse();
    }

    @Test
    void infrastructureThatKnowsAContext_breaksInfrastructureRule() {
        EvaluationResult result =
                evaluate(ArchitectureRules.infrastructureKnowsNoContext(FIXTURE_ROOT, List.of("orders", "billing")));
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString())
                .contains("OrderAwareHelper")
                .contains("LeakyOrder");
    }

    @Test
    void contextsDependingOnEachOther_breakCycleRule() {
        EvaluationResult result = evaluate(ArchitectureRules.noCyclesBetweenTopLevelPackages(FIXTURE_ROOT));
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("orders").contains("billing");
    }

    @Test
    void dependencyWithoutArrow_breaksComponentDiagram(@TempDir Path dir) throws IOException {
        Path diagram = Files.writeString(dir.resolve("fixture.puml"), """
                @startuml
                [orders] <<io.shopcore.archfixture.orders..>>
                [billing] <<io.shopcore.archfixture.billing..>>
                [billing] --> [orders]
                @enduml
                """);
        EvaluationResult result = evaluate(ArchitectureRules.adheresToComponentDiagram(diagram));
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString())
                .contains("JpaOrderRepository")
                .contains("Invoice");
    }

    @Test
    void ruleOverNothing_failsInsteadOfPassing() {
        ArchRule aboutRenamedPackage = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that()
                .resideInAPackage("io.shopcore.renamed..")
                .should()
                .beInterfaces();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> aboutRenamedPackage.check(BROKEN))
                .isInstanceOf(AssertionError.class);
    }
}
