package io.github.camelkoophone.component;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package rules of docs/design.md, on the compiled classes: a shared {@code cloud} core that knows no service,
 * services that hold only what is theirs, models that are plain Jackson beans, one package that speaks HTTP.
 */
class ArchitectureTest {

    private static final String ROOT = "io.github.camelkoophone.component";
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
        assertThat(classes).as("the component's classes were found").hasSizeGreaterThan(50);
    }

    @Test
    void noPackageCycles() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theCloudCoreDependsOnNoService() {
        noClasses().that().resideInAPackage(ROOT + ".cloud..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".koophone..", ROOT + ".cph..")
                .check(classes);
    }

    @Test
    void theServicesDependOnEachOtherNot() {
        noClasses().that().resideInAPackage(ROOT + ".cph..").should().dependOnClassesThat().resideInAPackage(ROOT + ".koophone..")
                .check(classes);
        noClasses().that().resideInAPackage(ROOT + ".koophone..").should().dependOnClassesThat().resideInAPackage(ROOT + ".cph..")
                .check(classes);
    }

    @Test
    void modelsAreJacksonBeansOnTheSharedModelSupport() {
        classes().that().resideInAnyPackage(ROOT + ".koophone.model..", ROOT + ".cph.model..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.fasterxml.jackson..",
                        ROOT + ".cloud.model..", ROOT + ".koophone.model..", ROOT + ".cph.model..")
                .check(classes);
    }

    @Test
    void onlyTheTransportSpeaksApacheHttpClient() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".cloud.http..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.hc..")
                .check(classes);
    }

    @Test
    void onlyTelemetrySpeaksMicrometer() {
        // Micrometer is optional: a class outside the package would fail to load in an application without it
        noClasses().that().resideOutsideOfPackage(ROOT + ".cloud.telemetry..")
                .should().dependOnClassesThat().resideInAPackage("io.micrometer..")
                .check(classes);
    }

    @Test
    void onlyConsumersUseCamelsScheduledPolling() {
        DescribedPredicate<JavaClass> consumerOrPartOfOne = DescribedPredicate.describe("a consumer or part of one",
                type -> type.isAssignableTo(ScheduledPollConsumer.class)
                        || type.getEnclosingClass().map(outer -> outer.isAssignableTo(ScheduledPollConsumer.class)).orElse(false));
        noClasses().that(DescribedPredicate.not(consumerOrPartOfOne))
                .should().dependOnClassesThat().belongToAnyOf(ScheduledPollConsumer.class, ScheduledBatchPollingConsumer.class)
                .check(classes);
    }
}
