package cn.zhifa.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import cn.zhifa.platform.ReproducibleDraw;

/**
 * The "双随机" draw (R-DISC-1, ADR-0033): reproducible from what the plan keeps (seed, both populations, exclusions)
 * whatever order the populations are listed in; two distinct inspectors per target, never an excluded one; a target
 * left with fewer than two officers is refused; and the register's data (inspections/*.yml) is consistent.
 */
class InspectionDrawTest {

	static final List<String> OFFICERS = List.of("officer1", "officer2", "officer5", "officer7", "officer8");

	static List<String> targets(int n) {
		return IntStream.rangeClosed(1, n).mapToObj(i -> String.format("T%03d", i)).toList();
	}

	@Test
	void theSameSeedPopulationsAndExclusionsGiveTheSameDraw() {
		List<String> shuffled = new ArrayList<>(targets(40));
		Collections.shuffle(shuffled);
		shuffled.add("T007"); // a duplicate does not change the population
		List<String> officers = new ArrayList<>(OFFICERS);
		Collections.reverse(officers);
		Map<String, List<String>> excluded = Map.of("T003", List.of("officer1", "officer2"), "T010", List.of("officer5"));
		InspectionDraw first = InspectionDraw.draw(20261201L, targets(40), 8, OFFICERS, excluded);
		InspectionDraw again = InspectionDraw.draw(20261201L, shuffled, 8, officers, excluded);
		assertThat(again).isEqualTo(first);
		assertThat(first.drawn()).hasSize(8).extracting(InspectionDraw.Drawn::target).doesNotHaveDuplicates();
		assertThat(first.targetHash()).hasSize(64).isEqualTo(ReproducibleDraw.hash(targets(40)));
		assertThat(first.officerHash()).isEqualTo(ReproducibleDraw.hash(List.copyOf(new java.util.TreeSet<>(OFFICERS))));
		// redone from the stored texts (as InspectionPlan.redraw does)
		InspectionDraw redone = InspectionDraw.draw(first.seed(), first.targets(), 8, first.officers(),
				InspectionDraw.parseLines(first.exclusionsText()));
		assertThat(redone.drawnText()).isEqualTo(first.drawnText());
		assertThat(InspectionDraw.parseLines(first.drawnText())).hasSize(8);
		// another seed, another draw
		assertThat(InspectionDraw.draw(20261202L, targets(40), 8, OFFICERS, excluded).drawnText())
			.isNotEqualTo(first.drawnText());
	}

	@Test
	void aKnownDrawHoldsOnAnyJava() {
		// java.util.Random's algorithm is fixed by its specification: this draw is the same on every Java
		InspectionDraw draw = InspectionDraw.draw(42L, targets(10), 3, OFFICERS, Map.of());
		assertThat(draw.drawnText()).isEqualTo(KNOWN);
	}

	static final String KNOWN = "T001:officer8,officer5\nT005:officer1,officer5\nT008:officer7,officer1";

	@Test
	void twoDistinctInspectorsPerTargetNeverAnExcludedOne() {
		Map<String, List<String>> excluded = Map.of("T001", List.of("officer1", "officer2", "officer5"), "T002",
				List.of("officer7"), "T003", List.of("nobody"));
		for (long seed = 0; seed < 200; seed++) {
			InspectionDraw d = InspectionDraw.draw(seed, targets(3), 3, OFFICERS, excluded);
			for (InspectionDraw.Drawn x : d.drawn()) {
				assertThat(x.inspectors()).hasSize(2).doesNotHaveDuplicates().isSubsetOf(OFFICERS)
					.doesNotContainAnyElementsOf(excluded.get(x.target()));
			}
			// an excluded name that is no officer is not kept as an exclusion
			assertThat(d.exclusions()).doesNotContainKey("T003");
		}
		// T001 leaves only officer7 and officer8
		assertThat(InspectionDraw.draw(5L, targets(1), 1, OFFICERS, excluded).drawn().get(0).inspectors())
			.containsExactlyInAnyOrder("officer7", "officer8");
		// every officer gets drawn sometimes: the draw is not stuck on the first names
		Set<String> seen = new HashSet<>();
		for (long seed = 0; seed < 100; seed++) {
			seen.addAll(InspectionDraw.draw(seed, targets(1), 1, OFFICERS, Map.of()).drawn().get(0).inspectors());
		}
		assertThat(seen).containsExactlyInAnyOrderElementsOf(OFFICERS);
	}

	@Test
	void aTargetWithFewerThanTwoEligibleOfficersIsRefused() {
		assertThatThrownBy(() -> InspectionDraw.draw(1L, List.of("T001"), 1, List.of("officer1", "officer2"),
				Map.of("T001", List.of("officer2"))))
			.isInstanceOf(InspectionDraw.NotEnoughInspectors.class)
			.satisfies(e -> assertThat(((InspectionDraw.NotEnoughInspectors) e).eligible()).isEqualTo(1));
		// asking for more targets than the register has takes the whole register
		assertThat(InspectionDraw.draw(1L, targets(2), 5, OFFICERS, Map.of()).drawn()).hasSize(2);
	}

	@Test
	void theRegisterFilesAreConsistent() {
		InspectionRegister register = new InspectionRegister("inspections");
		assertThat(register.items()).isNotEmpty();
		Set<String> codes = new HashSet<>();
		for (InspectionRegister.Item i : register.items()) {
			assertThat(codes.add(i.agency() + "/" + i.code())).as("unique item " + i.code()).isTrue();
			assertThat(i.name()).as(i.code()).matches(".*\\p{IsHan}.*");
			assertThat(i.basis()).as(i.code()).isNotBlank();
			assertThat(i.violationCode()).as(i.code()).isNotBlank();
			assertThat(register.targetsFor(i)).as("targets of " + i.code()).isNotEmpty();
		}
		Set<String> targets = new HashSet<>();
		for (InspectionRegister.Target t : register.targets()) {
			assertThat(targets.add(t.agency() + "/" + t.code())).as("unique target " + t.code()).isTrue();
			assertThat(t.code()).as(t.name()).matches("[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}");
			assertThat(t.address()).as(t.code()).isNotBlank();
		}
	}
}
