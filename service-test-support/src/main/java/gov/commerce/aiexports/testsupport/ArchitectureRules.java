package gov.commerce.aiexports.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layout rule every service keeps: domain logic (aggregates, their events and commands, the
 * program's policies) uses no framework but Axon's annotations; REST, Kafka, SQL and CDI stay at
 * the edges (resources, projections, consumers, mappers).
 */
public final class ArchitectureRules {

    private static final DescribedPredicate<JavaClass> DOMAIN = DescribedPredicate.describe("domain logic", c ->
            c.getSimpleName().endsWith("Policies") || c.getSimpleName().endsWith("Policy")
                    || c.getSimpleName().endsWith("Event") || c.getSimpleName().endsWith("Command")
                    || c.getAllFields().stream().anyMatch(f -> f.isAnnotatedWith("org.axonframework.modelling.command.AggregateIdentifier"))
                    || (c.getEnclosingClass().isPresent() && (c.getEnclosingClass().get().getSimpleName().endsWith("Event")
                    || c.getEnclosingClass().get().getSimpleName().endsWith("Command"))));

    private ArchitectureRules() {
    }

    public static void check(String servicePackage) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);
        noClasses().that(DOMAIN).should().dependOnClassesThat().resideInAnyPackage(
                        "jakarta..", "io.quarkus..", "io.agroal..", "org.apache.kafka..", "java.sql..", "org.eclipse.microprofile..",
                        "io.vertx..", "org.jboss..")
                .because("aggregates, events, commands and policies are plain domain code (only Axon's annotations)")
                .check(classes);
    }
}
