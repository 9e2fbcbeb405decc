package dev.gatewaykit.sdk.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The sdk's packages stand on one another in one direction: settings and http at the bottom (settings above only
 * {@code Role} and {@code GatewayKind}, http above nothing of the product), then gateway, errors, health, failover, client, and metrics, credentials and doctor on top.
 */
class SdkArchitectureTest {

    private static final String SDK = "dev.gatewaykit.sdk";

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(SDK);

    @Test
    void noCycleBetweenPackages() {
        PackageRules.noPackageCycleUnder(SDK).check(MAIN_CLASSES);
    }

    @Test
    void settingsUsesOnlyTheTopLevelTypesBelowIt() {
        PackageRules.layerUsesOnly(SDK + ".settings", SDK, SDK).check(MAIN_CLASSES);
    }

    @Test
    void gatewayKnowledgeDoesNotBuildClients() {
        PackageRules.layerUsesOnly(SDK + ".gateway", SDK, SDK, SDK + ".settings..").check(MAIN_CLASSES);
    }

    @Test
    void httpFactsUseNothingOfTheProduct() {
        PackageRules.layerUsesOnly(SDK + ".http", SDK).check(MAIN_CLASSES);
    }
}
