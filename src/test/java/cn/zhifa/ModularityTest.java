package cn.zhifa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
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
 * A type is public only when another package uses it (issue 20 §2, {@link #publicTypesAreUsedByAnotherPackage()}).
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

	/**
	 * Public types no main class of another package uses, yet public for a reason the class files do not show:
	 * named in a resource, used for constants only (the compiler copies them into the user), or used by a test
	 * of another package.
	 */
	private static final Set<String> STAYS_PUBLIC = Set.of(
			// named in resources: H2 instantiates the trigger class (db/vendor/h2/V14__record_head_protection.sql),
			// Spring Boot's launcher starts the command (-Dloader.main, docs/record.md), Spring Boot loads the
			// analyzers and the XML and OGNL set-up's post-processors from META-INF/spring.factories, Jersey the REST
			// APIs' JSON mapper from META-INF/services (ADR-0066)
			"cn.zhifa.record.H2RecordGuard", "cn.zhifa.record.VerifyRecordsCommand",
			"cn.zhifa.platform.StartupFailureAnalyzers", "cn.zhifa.platform.JaxpFactories",
			"cn.zhifa.platform.PoiXmlReaders", "cn.zhifa.platform.OgnlReadMethods", "cn.zhifa.platform.RestObjectMapper",
			// constants other modules use: role and group names, variable names, process keys, an error code
			"cn.zhifa.platform.Roles", "cn.zhifa.platform.CaseVariables", "cn.zhifa.platform.SupervisorSteps",
			"cn.zhifa.platform.form.EngineErrorMessages",
			// used by tests of other packages: ColumnLengthsIT checks every entity's columns; the process and REST
			// tests assert on another module's notifications, deadlines, refusals, documents and case files
			"cn.zhifa.enforcementcase.Evidence", "cn.zhifa.record.AvFile", "cn.zhifa.transfer.Transfer",
			"cn.zhifa.transfer.TransferStep", "cn.zhifa.organisation.CamundaIdentitySetup",
			"cn.zhifa.qualification.Refusal", "cn.zhifa.qualification.NotQualifiedException",
			"cn.zhifa.suspension.PeriodSuspensions", "cn.zhifa.sla.Notification", "cn.zhifa.sla.DeadlineBoard",
			"cn.zhifa.calendar.Deadline", "cn.zhifa.calendar.StatuteDayRule", "cn.zhifa.record.CaseFileZip",
			"cn.zhifa.record.VerificationReport", "cn.zhifa.document.GeneratedDocument", "cn.zhifa.platform.CaseVariable",
			"cn.zhifa.models.ModelRejectedException");

	@Test
	void publicTypesAreUsedByAnotherPackage() {
		JavaClasses main = new ClassFileImporter().withImportOption(MAIN_CLASSES).importPackages("cn.zhifa");
		assertThat(publicTypesNoOtherPackageUses(main, "cn.zhifa"))
			.as("public types that no other package uses: make them package-private (or list them in STAYS_PUBLIC with the reason)")
			.containsExactlyInAnyOrderElementsOf(STAYS_PUBLIC);
	}

	@Test
	void aPublicTypeNoOtherPackageUsesIsFound() {
		// alpha.Alpha is used by gamma, alpha.internal.AlphaInternals by beta; Beta and Gamma by no one
		JavaClasses fixture = new ClassFileImporter().importPackages("fixture.modularity");
		assertThat(publicTypesNoOtherPackageUses(fixture, "fixture.modularity"))
			.containsExactlyInAnyOrder("fixture.modularity.beta.Beta", "fixture.modularity.gamma.Gamma");
	}

	/**
	 * The public top-level types below {@code root} (its own package excepted: the application class) that no class
	 * of another package depends on, through the type or one of its nested types: a call, a field access, a signature,
	 * an annotation, a supertype. Constants the compiler inlined leave no trace, so a type used only for those is
	 * reported too.
	 */
	static Set<String> publicTypesNoOtherPackageUses(JavaClasses classes, String root) {
		Set<String> usedElsewhere = new TreeSet<>();
		for (JavaClass origin : classes) {
			for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
				JavaClass target = topLevel(dependency.getTargetClass().getBaseComponentType());
				if (!target.getPackageName().equals(origin.getPackageName())) {
					usedElsewhere.add(target.getName());
				}
			}
		}
		Set<String> unused = new TreeSet<>();
		for (JavaClass type : classes) {
			if (type.isTopLevelClass() && type.getModifiers().contains(JavaModifier.PUBLIC)
					&& type.getPackageName().startsWith(root + ".") && !usedElsewhere.contains(type.getName())) {
				unused.add(type.getName());
			}
		}
		return unused;
	}

	private static JavaClass topLevel(JavaClass type) {
		JavaClass outer = type;
		while (outer.getEnclosingClass().isPresent()) {
			outer = outer.getEnclosingClass().get();
		}
		return outer;
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
