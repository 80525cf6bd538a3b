package io.statusnotify.sink;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The sink's packages and what each may use (docs/architecture.md draws the same picture). The HTTP client and the
 * tenant config know nothing of the engine; the Kafka readers and writers take records, not the engine's items; only
 * the app in {@code io.statusnotify.sink} sees every part.
 */
class PackageRulesTest {
    private static final String SINK = "io.statusnotify.sink";
    private static JavaClasses sink;

    @BeforeAll
    static void importSink() {
        sink = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(SINK);
    }

    static Stream<Arguments> allowedDependencies() {
        return Stream.of(
                Arguments.of("http", List.of()),
                Arguments.of("offsets", List.of()),
                Arguments.of("status", List.of()),
                Arguments.of("config", List.of("http")),
                Arguments.of("kafka", List.of("offsets")),
                Arguments.of("connectiontest", List.of("config", "http")),
                Arguments.of("engine", List.of("config", "http", "kafka", "offsets", "status")));
    }

    @ParameterizedTest(name = "{0} uses only {1}")
    @MethodSource("allowedDependencies")
    void givenAFeaturePackage_thenItUsesOnlyThePackagesBelowIt(String feature, List<String> allowed) {
        String[] own = Stream.concat(Stream.of(feature), allowed.stream()).map(p -> SINK + "." + p + "..")
                .toArray(String[]::new);
        DescribedPredicate<JavaClass> permitted = resideOutsideOfPackage(SINK + "..").or(resideInAnyPackage(own));
        classes().that().resideInAPackage(SINK + "." + feature + "..")
                .should().onlyDependOnClassesThat(permitted)
                .because(feature + " may use only " + (allowed.isEmpty() ? "no other sink package" : String.join(", ", allowed)))
                .check(sink);
    }

    @Test
    void givenTheFeaturePackages_thenNoneDependsOnTheAppAroundThem() {
        noClasses().that().resideInAPackage(SINK + ".*..")
                .should().dependOnClassesThat().resideInAPackage(SINK)
                .because("the app wires the parts; a part that reached back to it would make a cycle")
                .check(sink);
    }

    @Test
    void givenTheFeaturePackages_thenThereAreNoCycles() {
        slices().matching(SINK + ".(*)..").should().beFreeOfCycles().check(sink);
    }

    @Test
    void givenEveryPackageListedHere_thenNoPackageIsLeftOut() {
        List<String> listed = allowedDependencies().map(a -> (String) a.get()[0]).toList();
        List<String> found = sink.stream().map(JavaClass::getPackageName).filter(p -> p.startsWith(SINK + "."))
                .map(p -> p.substring(SINK.length() + 1).split("\\.")[0]).distinct().sorted().toList();
        org.assertj.core.api.Assertions.assertThat(found).containsExactlyInAnyOrderElementsOf(listed);
    }

    @Test
    void givenTheEngine_thenOnlyItsWiringAndSettingsArePublic() {
        classes().that().resideInAPackage(SINK + ".engine").and().areTopLevelClasses().and().arePublic()
                .should().haveSimpleNameEndingWith("Settings")
                .orShould().haveSimpleName("DeliveryCore")
                .orShould().haveSimpleName("Housekeeping")
                .orShould().haveSimpleName("LimitAlgorithm")
                .because("the app builds the core and hands it settings; everything else is the engine's own")
                .check(sink);
    }

    @Test
    void givenTheHttpPackage_thenItsConnectionPoolAndTlsClientsStayInside() {
        classes().that().resideInAPackage(SINK + ".http")
                .and(nameIn("PooledClient", "TlsClients", "CheckedDnsResolver", "Cidr", "SendTarget", "RetryAfter"))
                .should().notBePublic()
                .check(sink);
    }

    private static DescribedPredicate<JavaClass> nameIn(String... names) {
        List<String> list = Arrays.asList(names);
        return DescribedPredicate.describe("named one of " + list, c -> list.contains(c.getSimpleName()));
    }
}
