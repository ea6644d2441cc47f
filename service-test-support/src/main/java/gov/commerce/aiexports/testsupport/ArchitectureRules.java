package gov.commerce.aiexports.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
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
 * tables: the use cases of {@code <concept>.application} and the concept's {@code ...Queries} do;</li>
 * <li>one way to write a rule: a concept's rules are a domain class named {@code *Policies} whose every
 * public static {@code check...} method returns the {@code List<Violation>} it finds and refuses nothing
 * itself (its caller turns the list into the problem with {@code Violations}); no class is named
 * {@code *Rules} or {@code *Policy}, except the routing tables of a {@code routing} package.</li>
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

    private static final String VIOLATION = "gov.commerce.aiexports.runtime.domain.Violation";

    /** A public static method named check... */
    private static boolean isCheck(JavaMethod m) {
        return m.getName().startsWith("check") && m.getModifiers().contains(JavaModifier.PUBLIC)
                && m.getModifiers().contains(JavaModifier.STATIC);
    }

    /** {@code List<Violation>}, generics included. */
    private static boolean returnsViolations(JavaMethod m) {
        JavaType type = m.getReturnType();
        return m.getRawReturnType().getName().equals(List.class.getName()) && type instanceof JavaParameterizedType p
                && p.getActualTypeArguments().size() == 1 && p.getActualTypeArguments().get(0).toErasure().getName().equals(VIOLATION);
    }

    /** A call that refuses: a refusal's constructor, {@code Violations.*IfAny}, {@code Checks.throwIf*}. */
    private static boolean refuses(JavaMethod m) {
        boolean constructs = m.getConstructorCallsFromSelf().stream().map(c -> c.getTargetOwner())
                .anyMatch(t -> t.isAssignableTo("gov.commerce.aiexports.runtime.domain.RuleViolation")
                        || t.isAssignableTo("gov.commerce.aiexports.runtime.domain.StateConflict"));
        boolean throwsViaHelper = m.getMethodCallsFromSelf().stream().anyMatch(c ->
                (c.getTargetOwner().getFullName().equals("gov.commerce.aiexports.runtime.domain.Violations") && c.getName().endsWith("IfAny"))
                        || (c.getTargetOwner().getFullName().equals("gov.commerce.aiexports.runtime.domain.Checks")
                        && c.getName().startsWith("throwIf")));
        return constructs || throwsViaHelper;
    }

    /**
     * One way to write a rule: every public static {@code check...} method of a domain class named
     * {@code *Policies} returns {@code List<Violation>} and refuses nothing itself; no class is named
     * {@code *Rules} or {@code *Policy} but the routing tables of a {@code routing} package (who is told
     * what: they refuse nothing) and the known gaps named, each printed.
     */
    public static int rulesHaveOneShape(String servicePackage, Set<String> knownGaps) {
        JavaClasses classes = of(servicePackage);
        DescribedPredicate<JavaClass> domain = domain(servicePackage);
        DescribedPredicate<JavaClass> policies = DescribedPredicate.describe("domain *Policies classes",
                c -> domain.test(c) && c.getSimpleName().endsWith("Policies"));
        long methods = classes.stream().filter(policies::test).flatMap(c -> c.getMethods().stream()).filter(ArchitectureRules::isCheck)
                .count();
        System.out.printf("architecture rule 'rules have one shape' covered %d public static check... methods%n", methods);
        ArchCondition<JavaClass> checksReturnViolations = new ArchCondition<>("have every public static check... method return "
                + "List<Violation> and refuse nothing itself") {
            @Override
            public void check(JavaClass policy, ConditionEvents events) {
                for (JavaMethod m : policy.getMethods()) {
                    if (isCheck(m) && !returnsViolations(m)) {
                        events.add(SimpleConditionEvent.violated(m, m.getFullName() + " returns " + m.getReturnType().getName()
                                + ", not List<Violation>"));
                    }
                    if (isCheck(m) && refuses(m)) {
                        events.add(SimpleConditionEvent.violated(m, m.getFullName() + " refuses itself (it throws, or calls "
                                + "Violations.*IfAny / Checks.throwIf*): it returns what it finds and its caller refuses"));
                    }
                }
            }
        };
        int covered = check(classes, policies, classes().that(policies).should(checksReturnViolations)
                .because("a rule is written one way: a check returns the violations it finds, each with its rule code and field"),
                "rules have one shape");
        knownGaps.forEach(gap -> System.out.printf("architecture rule 'rule classes are named *Policies': known gap %s%n", gap));
        DescribedPredicate<JavaClass> otherName = DescribedPredicate.describe("named *Policy, or *Rules outside a routing package",
                c -> (c.getSimpleName().endsWith("Rules") && !c.getPackageName().endsWith(".routing")
                        || c.getSimpleName().endsWith("Policy")) && !knownGaps.contains(c.getSimpleName()));
        DescribedPredicate<JavaClass> named = DescribedPredicate.describe("named *Policies, *Policy or *Rules",
                c -> c.getSimpleName().endsWith("Policies") || c.getSimpleName().endsWith("Policy") || c.getSimpleName().endsWith("Rules"));
        int names = check(classes, named, classes().should(new ArchCondition<JavaClass>("not be " + otherName.getDescription()) {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                if (otherName.test(c)) {
                    events.add(SimpleConditionEvent.violated(c, c.getName() + " is " + otherName.getDescription()));
                }
            }
        }).because("a concept's rules are one *Policies class (routing tables name who is told, and refuse nothing)"),
                "rule classes are named *Policies");
        return covered + names;
    }

    private static boolean dependsOn(JavaClass c, String type) {
        return c.getDirectDependenciesFromSelf().stream().anyMatch(d -> d.getTargetClass().getFullName().equals(type));
    }
}
