package cn.zhifa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ImportOption;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature modules (each top-level package under {@code cn.zhifa}) and their allowed dependencies,
 * checked by Spring Modulith on the compiled classes, without starting the application (ADR 0036):
 * no cycles between modules, no module reaching into another's sub-packages unless they are a named
 * interface, and {@code platform} depending on no feature module. The module diagram in
 * docs/architecture.md is the one {@link #writesModuleDiagram()} writes when asked to with
 * {@code -Dzhifa.moduleDocs=true} (writing it took as long as the checks, so an ordinary build skips it).
 */
class ModularityTest {

	/** Main classes only: the build folder may be target-&lt;name&gt;, which ArchUnit's DoNotIncludeTests misses. */
	private static final ImportOption MAIN_CLASSES = location -> !location.contains("/test-classes/");

	static final ApplicationModules MODULES = ApplicationModules.of(ZhifaApplication.class, MAIN_CLASSES);

	/** The fixture application's classes are test classes: imported whatever the build folder's name. */
	private static final ImportOption ALL_CLASSES = location -> true;

	/** The fixture application of the two failing cases below, imported once. */
	private static ApplicationModules fixtureModules;

	private static synchronized ApplicationModules fixture() {
		if (fixtureModules == null) {
			fixtureModules = ApplicationModules.of("fixture.modularity", ALL_CLASSES);
		}
		return fixtureModules;
	}

	@Test
	void modulesKeepTheirRules() {
		MODULES.verify();
	}

	@Test
	void everyFeaturePackageIsAModule() {
		assertThat(MODULES.getModuleByName("platform")).isPresent();
		assertThat(MODULES.getModuleByName("record")).isPresent();
		assertThat(MODULES.stream().count()).isEqualTo(26);
	}

	@Test
	void reachingIntoAnotherModulesInternalsFails() {
		// fixture.modularity.beta uses a type of alpha's sub-package alpha.internal
		ApplicationModules fixture = fixture();
		assertThat(fixture.detectViolations().getMessages())
				.anySatisfy(message -> assertThat(message).contains("non-exposed type fixture.modularity.alpha.internal.AlphaInternals"));
		assertThatThrownBy(fixture::verify).hasMessageContaining("AlphaInternals");
	}

	@Test
	void dependingOnAModuleNotAllowedFails() {
		// fixture.modularity.gamma allows no dependencies (as platform does) but uses alpha's API
		assertThat(fixture().detectViolations().getMessages())
				.contains("Module 'gamma' depends on module 'alpha' via fixture.modularity.gamma.Gamma -> fixture.modularity.alpha.Alpha. Allowed targets: none.");
	}

	@Test
	void writesModuleDiagram() throws URISyntaxException {
		Assumptions.assumeTrue(Boolean.getBoolean("zhifa.moduleDocs"),
				"the module diagrams are written with -Dzhifa.moduleDocs=true (docs/architecture.md)");
		Path testClasses = Path.of(ModularityTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		String output = testClasses.getParent().resolve("spring-modulith-docs").toString();
		new Documenter(MODULES, output).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
		assertThat(Path.of(output, "components.puml")).exists();
	}
}
