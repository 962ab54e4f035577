package io.shopcore.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * DESIGN.md section 2 as executable rules. {@code failOnEmptyShould} stays on (ArchUnit's default), so a
 * rule about a renamed package fails instead of silently checking nothing.
 */
final class ArchitectureRules {

    static final String ROOT = "io.shopcore";

    static final List<String> CONTEXTS = List.of("auth", "catalog", "stock", "search");

    static final String[] FRAMEWORKS = {
        "jakarta.persistence..",
        "jakarta.ws.rs..",
        "io.quarkus..",
        "io.vertx..",
        "io.smallrye..",
        "com.fasterxml.jackson..",
        "org.hibernate..",
        "io.micrometer..",
        "org.jboss.."
    };

    private ArchitectureRules() {}

    static final ArchRule DOMAIN_IS_PLAIN_JAVA = classes()
            .that()
            .resideInAPackage("io.shopcore..domain..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "io.shopcore..domain..")
            .because("the domain is plain Java: no framework, no application, no adapter");

    static final ArchRule APPLICATION_KNOWS_NO_ADAPTER_OR_FRAMEWORK = noClasses()
            .that()
            .resideInAPackage("io.shopcore..application..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(concat("io.shopcore..adapter..", FRAMEWORKS))
            .because("use cases depend on ports, never on their implementations or on frameworks");

    static final ArchRule PORTS_ARE_INTERFACES = classes()
            .that()
            .resideInAnyPackage("io.shopcore..application.port.in..", "io.shopcore..application.port.out..")
            .and()
            .areTopLevelClasses()
            .and()
            .areNotRecords()
            .and()
            .areNotEnums()
            .should()
            .beInterfaces()
            .because("ports are interfaces; their data are records");

    static final ArchRule INBOUND_AND_OUTBOUND_ADAPTERS_ARE_APART = noClasses()
            .that()
            .resideInAPackage("io.shopcore..adapter.in..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.shopcore..adapter.out..")
            .because("driving and driven adapters meet only through the application's ports");

    static final ArchRule OUTBOUND_ADAPTERS_DO_NOT_KNOW_INBOUND = noClasses()
            .that()
            .resideInAPackage("io.shopcore..adapter.out..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.shopcore..adapter.in..")
            .because("driven adapters serve ports and never call back into driving adapters");

    static final ArchRule ENTITIES_LIVE_IN_PERSISTENCE_ADAPTERS = classes()
            .that()
            .areAnnotatedWith("jakarta.persistence.Entity")
            .should()
            .resideInAPackage("io.shopcore..adapter.out.persistence..")
            .because("JPA entities are a persistence detail");

    static final ArchRule INFRASTRUCTURE_KNOWS_NO_CONTEXT = infrastructureKnowsNoContext(ROOT, CONTEXTS);

    static final ArchRule NO_CYCLES_BETWEEN_CONTEXTS = noCyclesBetweenTopLevelPackages(ROOT);

    /** The same rule for any root package: the self-test runs it over the fixture root. */
    static ArchRule infrastructureKnowsNoContext(String root, List<String> contexts) {
        return noClasses()
                .that()
                .resideInAPackage(root + ".infrastructure..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        contexts.stream().map(c -> root + "." + c + "..").toArray(String[]::new))
                .because("infrastructure is shared technique and depends on no context");
    }

    /** The same rule for any root package: the self-test runs it over the fixture root. */
    static ArchRule noCyclesBetweenTopLevelPackages(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles().because("contexts stay separable");
    }

    /**
     * Outbound adapters speak the neutral vocabulary ({@code infrastructure.store} for an unavailable
     * store, {@code infrastructure.capacity} for a saturated resource), never HTTP:
     * no problem types, no JAX-RS. {@code exempt} lists classes (and their nested classes) that are
     * temporarily allowed; ArchitectureTest says why and until when.
     */
    static ArchRule outboundAdaptersSpeakNoHttp(String... exempt) {
        List<String> names = List.of(exempt);
        return noClasses()
                .that()
                .resideInAPackage("io.shopcore..adapter.out..")
                .and(new DescribedPredicate<JavaClass>(names.isEmpty() ? "are any class" : "are not exempt " + names) {
                    @Override
                    public boolean test(JavaClass c) {
                        String name = c.getName();
                        return names.stream().noneMatch(n -> name.equals(n) || name.startsWith(n + "$"));
                    }
                })
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.shopcore.infrastructure.problem..", "jakarta.ws.rs..", "org.jboss.resteasy..")
                .because(
                        "outbound adapters translate failures into infrastructure.store types; the inbound side maps them to HTTP once");
    }

    static final ArchRule OUTBOUND_ADAPTERS_SPEAK_NO_HTTP = outboundAdaptersSpeakNoHttp();

    /**
     * The component diagram under docs/architecture is executable: every dependency between two of its
     * components must be an arrow in it.
     */
    static ArchRule adheresToComponentDiagram(java.nio.file.Path diagram) {
        return classes()
                .should(com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition.adhereToPlantUmlDiagram(
                        diagram,
                        com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition.Configuration
                                .consideringOnlyDependenciesInDiagram()));
    }

    private static final List<String> SECURITY_ANNOTATIONS = List.of(
            "jakarta.annotation.security.PermitAll",
            "jakarta.annotation.security.RolesAllowed",
            "jakarta.annotation.security.DenyAll",
            "io.quarkus.security.Authenticated");

    /**
     * SECURITY.md: with Quarkus 3.34.1 we never rely on path-based policies, so every HTTP method says
     * who may call it, on itself or on its class ({@code deny-unannotated-endpoints} backs this up at runtime).
     */
    static final ArchRule EVERY_ENDPOINT_DECLARES_ITS_SECURITY =
            com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods()
                    .that()
                    .areAnnotatedWith("jakarta.ws.rs.GET")
                    .or()
                    .areAnnotatedWith("jakarta.ws.rs.POST")
                    .or()
                    .areAnnotatedWith("jakarta.ws.rs.PUT")
                    .or()
                    .areAnnotatedWith("jakarta.ws.rs.DELETE")
                    .or()
                    .areAnnotatedWith("jakarta.ws.rs.PATCH")
                    .should(
                            new com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaMethod>(
                                    "carry a security annotation (or their class does)") {
                                @Override
                                public void check(
                                        com.tngtech.archunit.core.domain.JavaMethod method,
                                        com.tngtech.archunit.lang.ConditionEvents events) {
                                    boolean secured = SECURITY_ANNOTATIONS.stream()
                                            .anyMatch(a -> method.isAnnotatedWith(a)
                                                    || method.getOwner().isAnnotatedWith(a));
                                    if (!secured) {
                                        events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(
                                                method,
                                                method.getFullName()
                                                        + " has no @PermitAll/@Authenticated/@RolesAllowed/@DenyAll"));
                                    }
                                }
                            });

    /** Outside its own context, only {@code io.shopcore.<ctx>.api} of a context may be used. */
    static ArchRule onlyApiVisibleOutside(String context) {
        String root = "io.shopcore." + context;
        return noClasses()
                .that()
                .resideOutsideOfPackage(root + "..")
                .should()
                .dependOnClassesThat(new DescribedPredicate<>("are internals of " + context + " (not its api)") {
                    @Override
                    public boolean test(JavaClass c) {
                        String pkg = c.getPackageName();
                        return pkg.startsWith(root + ".")
                                && !pkg.equals(root + ".api")
                                && !pkg.startsWith(root + ".api.");
                    }
                })
                .because("modules meet through published api packages only")
                .allowEmptyShould(false);
    }

    private static String[] concat(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
