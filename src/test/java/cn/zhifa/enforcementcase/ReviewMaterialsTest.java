package cn.zhifa.enforcementcase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * What a major case sends to legal review names each piece of evidence (issue 16 point 21: the 送审表 read
 * "证据材料（0份）", a count that told the reviewer nothing).
 */
class ReviewMaterialsTest {

	static final EvidenceConfirmation.Way SIGNED = new EvidenceConfirmation.Way("签名确认", "当事人签名确认");

	@Test
	void eachPieceOfEvidenceIsListedByName() {
		Instant at = Instant.parse("2026-11-03T01:00:00Z");
		List<String> materials = EnforcementCaseService.reviewMaterials(List.of(
				new Evidence("C-1", "现场笔录", "现场检查笔录1份", at, "officer1", null, "officer1", at, SIGNED),
				new Evidence("C-1", "视听资料", "现场照片6张", at, "officer2", null, "officer1", at, SIGNED)));
		assertThat(materials).containsExactly("行政处罚决定书（拟）", "调查终结报告", "证据：现场笔录（现场检查笔录1份）",
				"证据：视听资料（现场照片6张）", "当事人陈述申辩、听证材料");
	}

	@Test
	void noCountOfZeroWithoutEvidence() {
		assertThat(EnforcementCaseService.reviewMaterials(List.of())).noneMatch(m -> m.contains("份）") || m.contains("0份"))
			.containsExactly("行政处罚决定书（拟）", "调查终结报告", "当事人陈述申辩、听证材料");
	}
}
