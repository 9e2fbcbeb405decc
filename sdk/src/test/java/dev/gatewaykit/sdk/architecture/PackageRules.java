package dev.gatewaykit.sdk.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

import java.util.Arrays;
import java.util.stream.Stream;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The two package rules of a module, written for any root package so each module states its own ladder with them:
 * no cycle between packages, and a ground-floor package that uses nothing above it.
 */
final class PackageRules {

    private PackageRules() {
    }

    /** Every package below {@code root} (each its own slice) is free of import cycles with the others. */
    static ArchRule noPackageCycleUnder(String root) {
        return slices().matching(root + ".(**)").namingSlices("$1").should().beFreeOfCycles();
    }

    /**
     * Classes in {@code layer} (and its sub-packages) use only their own package, the {@code allowed} packages of
     * the product ({@code pkg} means that package alone, {@code pkg..} with its sub-packages) and anything outside
     * {@code productRoot} (JDK and libraries).
     */
    static ArchRule layerUsesOnly(String layer, String productRoot, String... allowed) {
        String[] packages = Stream.concat(Stream.of(layer + ".."), Arrays.stream(allowed)).toArray(String[]::new);
        DescribedPredicate<JavaClass> permitted = resideOutsideOfPackage(productRoot + "..")
                .or(resideInAnyPackage(packages));
        return classes().that().resideInAPackage(layer + "..").should().onlyDependOnClassesThat(permitted)
                .as(layer + " uses only " + String.join(", ", packages) + " of " + productRoot
                        + ", the JDK and libraries");
    }
}
