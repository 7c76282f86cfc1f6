package org.qiao.kit.testing;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import java.util.List;

/**
 * The layering every service follows: {@code rest} → {@code service} → {@code domain}, with {@code
 * messaging} beside the services. The domain knows nothing of HTTP or Kafka, entities never leave
 * through the API, and no service depends on another service's code.
 */
public final class LayeringRules {

  private LayeringRules() {}

  public static void assertHold(String basePackage) {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(basePackage);
    String domain = basePackage + ".domain..";
    String rest = basePackage + ".rest..";
    String messaging = basePackage + ".messaging..";
    String service = basePackage + ".service..";
    List<ArchRule> rules =
        List.of(
            noClasses()
                .that()
                .resideInAPackage(domain)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                    rest, messaging, service, "jakarta.ws.rs..", "org.apache.kafka..")
                .because("the domain holds the rules and knows nothing of HTTP or Kafka"),
            noClasses()
                .that()
                .resideInAPackage(rest)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(messaging, "org.apache.kafka..")
                .because("resources call services; events leave through the outbox"),
            noClasses()
                .that()
                .resideInAnyPackage(domain, service, messaging)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(rest)
                .because("HTTP types stay at the edge"),
            noClasses()
                .that()
                .resideInAPackage(basePackage + "..")
                .should()
                .dependOnClassesThat(
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(
                            "org.qiao..")
                        .and(
                            not(
                                com.tngtech.archunit.core.domain.JavaClass.Predicates
                                    .resideInAPackage(basePackage + "..")))
                        .and(
                            not(
                                com.tngtech.archunit.core.domain.JavaClass.Predicates
                                    .resideInAPackage("org.qiao.kit.."))))
                .because("a service learns of others only through events, never their code"),
            noMethods()
                .that()
                .areDeclaredInClassesThat()
                .resideInAPackage(rest)
                .and()
                .arePublic()
                .should()
                .haveRawReturnType(annotatedWith(Entity.class))
                .because("entities never cross the API: response records do"),
            noFields()
                .that()
                .areDeclaredInClassesThat()
                .resideInAPackage(rest)
                .should()
                .haveRawType(annotatedWith(Entity.class))
                .because("request and response records carry values, not entities"));
    // A young service may not have every layer yet.
    rules.forEach(rule -> rule.allowEmptyShould(true).check(classes));
  }
}
