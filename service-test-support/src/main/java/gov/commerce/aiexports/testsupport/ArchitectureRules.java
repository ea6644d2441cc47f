package gov.commerce.aiexports.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;

/**
 * The layout every service keeps, selected by package and by what a class is (its annotations,
 * what it depends on), never by its name, so that a rule class of any name, a ledger or a cost
 * model is held to the same rules:
 * <ul>
 * <li>domain logic (every class of a concept package that is not an edge: aggregates, their events
 * and commands, policies, ledgers, cost models, views) uses no framework but Axon's annotations;</li>
 * <li>resources map HTTP and nothing else: no SQL, no EntityManager, no other resource;</li>
 * <li>(where a service has moved to it) resources neither send commands, open transactions nor read
 * tables: the use cases of {@code <concept>.application} and the concept's {@code ...Queries} do.</li>
 * </ul>
 * Each check prints how many classes it covered, so that a rule that selects nothing shows.
 */
public final class ArchitectureRules {

    private static final Set<String> FRAMEWORKS = Set.of("jakarta.", "io.quarkus.", "io.agroal.", "org.apache.kafka.", "java.sql.",
            "org.eclipse.microprofile.", "io.vertx.", "org.jboss.");

    /** A class at an edge is managed by a framework: a resource, a CDI bean, a projection, a read model, a consumer. */
    private static final DescribedPredicate<JavaClass> EDGE = DescribedPredicate.describe("an edge (annotated for a framework)",
            c -> outermost(c).getAnnotations().stream().map(a -> a.getRawType().getPackageName() + ".")
                    .anyMatch(p -> p.startsWith("jakarta.") || p.startsWith("io.quarkus.") || p.startsWith("org.axonframework.config.")
                            || p.startsWith("gov.commerce.aiexports.runtime.")));

    private static final DescribedPredicate<JavaClass> RESOURCE = DescribedPredicate.describe("a REST resource",
            c -> outermost(c).isAnnotatedWith("jakarta.ws.rs.Path"));

    private static final DescribedPredicate<JavaClass> IN_APPLICATION = DescribedPredicate.describe("in an application package",
            c -> c.getPackageName().endsWith(".application"));

    private ArchitectureRules() {
    }

    private static JavaClass outermost(JavaClass c) {
        JavaClass outer = c;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }

    /** The service's production classes. */
    public static JavaClasses of(String servicePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(servicePackage);
    }

    /** Domain logic: a class of a concept package (servicePackage.concept..), neither an edge nor a use case. */
    private static DescribedPredicate<JavaClass> domain(String servicePackage) {
        return DescribedPredicate.describe("domain logic of " + servicePackage, c -> c.getPackageName().startsWith(servicePackage + ".")
                && !EDGE.test(c) && !IN_APPLICATION.test(c) && !c.isAnnotation());
    }

    private static int check(JavaClasses classes, DescribedPredicate<JavaClass> selected, ArchRule rule, String what) {
        int covered = (int) classes.stream().filter(selected::test).count();
        System.out.printf("architecture rule '%s' covered %d classes%n", what, covered);
        if (covered == 0) {
            throw new AssertionError("the rule '" + what + "' selected no class: its selection is wrong");
        }
        rule.check(classes);
        return covered;
    }

    /** The existing rule, now by package: aggregates, events, commands, policies, ledgers and cost models are plain domain code. */
    public static int check(String servicePackage) {
        JavaClasses classes = of(servicePackage);
        DescribedPredicate<JavaClass> domain = domain(servicePackage);
        return check(classes, domain, noClasses().that(domain).should().dependOnClassesThat(DescribedPredicate.describe(
                        "a framework", c -> FRAMEWORKS.stream().anyMatch(f -> c.getPackageName().concat(".").startsWith(f))
                                // OpenAPI's annotations describe a view's fields for the documents; they carry no behaviour
                                && !c.getPackageName().startsWith("org.eclipse.microprofile.openapi.annotations")))
                .because("aggregates, events, commands, policies, ledgers and cost models are plain domain code (only Axon's annotations)"),
                "domain code is framework-free");
    }

    /** Resources map HTTP: no SQL, no EntityManager, no other resource (except the pairs named, each a known gap). */
    public static int resourcesStayAtTheEdge(String servicePackage, Set<String> knownGaps) {
        JavaClasses classes = of(servicePackage);
        DescribedPredicate<JavaClass> resource = DescribedPredicate.describe("a resource not in the known gaps",
                c -> RESOURCE.test(c) && !knownGaps.contains(outermost(c).getSimpleName()));
        knownGaps.forEach(gap -> System.out.printf("architecture rule 'resources stay at the edge': known gap %s%n", gap));
        ArchCondition<JavaClass> mapOnlyHttp = new ArchCondition<>("use no SQL, EntityManager or other resource") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass();
                    String p = target.getPackageName();
                    boolean store = p.startsWith("java.sql") || p.startsWith("jakarta.persistence") || p.startsWith("io.agroal")
                            || p.startsWith("org.hibernate");
                    boolean otherResource = RESOURCE.test(target) && !outermost(target).equals(outermost(origin));
                    if (store || otherResource) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
        return check(classes, RESOURCE, classes().that(resource).should(mapOnlyHttp)
                .because("a resource maps HTTP to a use case or a query and back"), "resources stay at the edge");
    }

    /**
     * Resources neither send commands, open transactions nor read tables, and every class that
     * acts on a request (it reads the caller and sends commands) is a use case of an application package.
     */
    public static int useCasesLiveInApplicationPackages(String servicePackage) {
        JavaClasses classes = of(servicePackage);
        int resources = check(classes, RESOURCE, noClasses().that(RESOURCE).should().dependOnClassesThat(DescribedPredicate.describe(
                        "commands, transactions or the documents store", c -> c.getFullName().equals("gov.commerce.aiexports.runtime.request.Commands")
                                || c.getFullName().equals("io.quarkus.narayana.jta.QuarkusTransaction")
                                || c.getFullName().equals("gov.commerce.aiexports.runtime.readmodel.Documents")
                                || c.getSimpleName().equals("Retries")))
                .because("a resource maps HTTP to a use case (application) or a query (...Queries) and back"),
                "resources call use cases and queries only");
        DescribedPredicate<JavaClass> actsOnRequest = DescribedPredicate.describe("acts on a request (reads the caller, sends commands)",
                c -> !RESOURCE.test(c) && dependsOn(c, "gov.commerce.aiexports.runtime.request.Commands")
                        && (dependsOn(c, "gov.commerce.aiexports.runtime.request.RequestContext")
                        || dependsOn(c, "gov.commerce.aiexports.runtime.request.Preconditions")));
        int useCases = check(classes, actsOnRequest, classes().that(actsOnRequest).should().resideInAPackage("..application")
                .because("a use case that takes more than one step is a class of its concept's application package"),
                "use cases live in application packages");
        int application = check(classes, IN_APPLICATION, noClasses().that(IN_APPLICATION).should().dependOnClassesThat(RESOURCE)
                .because("use cases know nothing of HTTP resources"), "application classes do not use resources");
        return resources + useCases + application;
    }

    private static boolean dependsOn(JavaClass c, String type) {
        return c.getDirectDependenciesFromSelf().stream().anyMatch(d -> d.getTargetClass().getFullName().equals(type));
    }
}
