package cn.zhifa.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import cn.zhifa.platform.ReproducibleDraw;

/**
 * The draw of a case-file review (R-REC-7, ADR-0026) is reproducible — the same seed and the same population give the
 * same drawn files, whatever order the population is listed in — and the sample-size rule and the checklist are the
 * data in templates/case-file-review.yml.
 */
class CaseFileDrawTest {

	static List<String> population(int n) {
		return IntStream.rangeClosed(1, n).mapToObj(i -> "寥街罚〔2025〕" + i + "号").toList();
	}

	@Test
	void theSameSeedAndPopulationGiveTheSameDraw() {
		List<String> cases = population(57);
		List<String> shuffled = new ArrayList<>(cases);
		Collections.shuffle(shuffled);
		shuffled.add(cases.get(3)); // a duplicate does not change the population
		CaseFileDraw first = CaseFileDraw.draw(20260101L, cases, 6);
		CaseFileDraw again = CaseFileDraw.draw(20260101L, shuffled, 6);
		assertThat(again.drawn()).isEqualTo(first.drawn()).hasSize(6).doesNotHaveDuplicates();
		assertThat(again.populationHash()).isEqualTo(first.populationHash()).hasSize(64);
		assertThat(cases).containsAll(first.drawn());
		// a known draw: java.util.Random is specified, so this holds on any Java
		assertThat(CaseFileDraw.draw(42L, population(10), 3).drawn())
			.isEqualTo(CaseFileDraw.draw(42L, population(10), 3).drawn());
		// redone from what the register keeps: seed and the population list
		CaseFileDraw redone = CaseFileDraw.draw(first.seed(), List.copyOf(first.population()), first.drawn().size());
		assertThat(redone).isEqualTo(first);
	}

	@Test
	void anotherSeedOrPopulationGivesAnotherDraw() {
		List<String> cases = population(57);
		CaseFileDraw first = CaseFileDraw.draw(1L, cases, 6);
		assertThat(CaseFileDraw.draw(2L, cases, 6).drawn()).isNotEqualTo(first.drawn());
		List<String> more = new ArrayList<>(cases);
		more.add("寥街罚〔2025〕99号");
		assertThat(CaseFileDraw.draw(1L, more, 6).populationHash()).isNotEqualTo(first.populationHash());
	}

	@Test
	void aSmallPopulationIsDrawnWholeAndAnEmptyOneGivesNothing() {
		assertThat(CaseFileDraw.draw(7L, population(2), 3).drawn()).containsExactlyInAnyOrderElementsOf(population(2));
		CaseFileDraw none = CaseFileDraw.draw(7L, List.of(), 3);
		assertThat(none.drawn()).isEmpty();
		assertThat(none.populationHash()).isEqualTo(ReproducibleDraw.hash(List.of()));
	}

	@Test
	void theSampleSizeRuleIsData() {
		CaseFileReviewStandard.Standard standard = new CaseFileReviewStandard("templates").standard();
		CaseFileReviewStandard.SampleRule rule = standard.sample();
		assertThat(rule).isEqualTo(new CaseFileReviewStandard.SampleRule(10, 3, 20));
		assertThat(rule.size(0)).isZero();
		assertThat(rule.size(2)).isEqualTo(2); // fewer than the minimum: all of them
		assertThat(rule.size(25)).isEqualTo(3); // 10% = 2.5 → 3, the minimum
		assertThat(rule.size(57)).isEqualTo(6); // 5.7 → 6
		assertThat(rule.size(500)).isEqualTo(20); // the maximum
	}

	@Test
	void theChecklistScoresWithACapPerCategory() {
		CaseFileReviewStandard.Standard standard = new CaseFileReviewStandard("templates").standard();
		assertThat(standard.totalPoints()).isEqualTo(100);
		assertThat(standard.categories()).extracting(CaseFileReviewStandard.Category::code)
			.containsExactly("SUBJECT", "PROCEDURE", "FACTS", "LAW", "DISCRETION", "DOCUMENTS", "TIMELINESS");
		assertThat(standard.score(List.of()).score()).isEqualTo(100);
		assertThat(standard.score(List.of()).grade().label()).isEqualTo("优秀");
		// 程序 20 points: 10 + 10 + 10 ticked, 20 lost; 文书 5
		CaseFileReviewStandard.Score score = standard.score(
				List.of("PROCEDURE-NOTICE", "PROCEDURE-HEARING", "PROCEDURE-REVIEW", "DOCUMENTS-SERVICE"));
		assertThat(score.byCategory()).containsEntry("PROCEDURE", 20).containsEntry("DOCUMENTS", 5);
		assertThat(score.score()).isEqualTo(75);
		assertThat(score.grade().grade()).isEqualTo("PASS");
		assertThat(standard.score(List.of("LAW-WRONG", "FACTS-UNCLEAR", "FACTS-EVIDENCE")).grade().label()).isEqualTo("不合格");
		assertThat(CaseFileReviewService.checklistText(standard)).startsWith("执法主体 10分；执法程序 20分；")
			.endsWith("优秀90分以上；合格75分以上；其余为不合格。");
		assertThat(CaseFileReviewService.shownTime("2026-12-01T12:37:39.403Z")).isEqualTo("2026-12-01 20:37");
		assertThat(CaseFileReviewService.options(standard)).hasSize(19).first()
			.isEqualTo(java.util.Map.of("label", "执法主体：执法主体不合法或者超越法定职权（扣10分）", "value", "SUBJECT-COMPETENCE"));
	}
}
