package dev.gatewaykit.spring.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The starter's packages stand on one another in one direction (settings, then health, then autoconfigure and
 * test support), and its settings package adapts Spring to the sdk's settings without knowing anything above.
 */
class StarterArchitectureTest {

    private static final String STARTER = "dev.gatewaykit.spring";

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(STARTER);

    @Test
    void noCycleBetweenPackages() {
        slices().matching(STARTER + ".(**)").namingSlices("$1").should().beFreeOfCycles().check(MAIN_CLASSES);
    }

    @Test
    void settingsUsesOnlyTheSdksSettingsBelowIt() {
        classes().that().resideInAPackage(STARTER + ".settings..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("dev.gatewaykit..").or(resideInAnyPackage(
                        STARTER + ".settings..", "dev.gatewaykit.sdk", "dev.gatewaykit.sdk.settings..")))
                .check(MAIN_CLASSES);
    }
}
