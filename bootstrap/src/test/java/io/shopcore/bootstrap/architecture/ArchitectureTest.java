package io.shopcore.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.shopcore.bootstrap.support.RepositoryFiles;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs DESIGN.md's module rules over every production class of the application (plain JUnit, no engine). */
class ArchitectureTest {

    private static JavaClasses production;

    static final java.util.List<String> CONTEXTS = ArchitectureRules.CONTEXTS;

    @BeforeAll
    static void importClasses() {
        // The library modules arrive as jars on the test class path, so jars are imported too.
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // test-jars (fakes and port contracts of the cores) are test code too, wherever Maven resolves them
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.shopcore");
    }

    static Stream<ArchRule> rules() {
        return Stream.of(
                ArchitectureRules.DOMAIN_IS_PLAIN_JAVA,
                ArchitectureRules.APPLICATION_KNOWS_NO_ADAPTER_OR_FRAMEWORK,
                ArchitectureRules.PORTS_ARE_INTERFACES,
                ArchitectureRules.INBOUND_AND_OUTBOUND_ADAPTERS_ARE_APART,
                ArchitectureRules.OUTBOUND_ADAPTERS_DO_NOT_KNOW_INBOUND,
                ArchitectureRules.ENTITIES_LIVE_IN_PERSISTENCE_ADAPTERS,
                ArchitectureRules.INFRASTRUCTURE_KNOWS_NO_CONTEXT,
                ArchitectureRules.NO_CYCLES_BETWEEN_CONTEXTS,
                ArchitectureRules.EVERY_ENDPOINT_DECLARES_ITS_SECURITY,
                ArchitectureRules.OUTBOUND_ADAPTERS_SPEAK_NO_HTTP);
    }

    @Test
    void productionCode_adheresToTheComponentDiagram() {
        ArchitectureRules.adheresToComponentDiagram(RepositoryFiles.find("docs/architecture/components.puml"))
                .check(production);
    }

    @ParameterizedTest
    @MethodSource("rules")
    void productionCode_follows(ArchRule rule) {
        rule.check(production);
    }

    @ParameterizedTest
    @FieldSource("CONTEXTS")
    void onlyTheApiOfAContext_isUsedOutsideIt(String context) {
        ArchitectureRules.onlyApiVisibleOutside(context).check(production);
    }
}
