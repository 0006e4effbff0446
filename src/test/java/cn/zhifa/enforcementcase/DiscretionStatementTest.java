package cn.zhifa.enforcementcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.api.Test;

import cn.zhifa.document.DisplayLabels;
import cn.zhifa.document.DocumentFixtures;
import cn.zhifa.organisation.OfficerRepository;

/**
 * R-DISCR-1: the sentence the prior notice and the penalty decision print on how the benchmark was applied — the
 * circumstances and handling by their labels.yml texts, the range in its unit, where the fine stands, and
 * the officer's reason when it leaves the range or no benchmark applies.
 */
class DiscretionStatementTest {

	final DisplayLabels labels = DocumentFixtures.labels(mock(OfficerRepository.class));
	String statement(Object circumstance, Object handling, Object min, Object max, Object unit, Object fine, Object goods,
			String reason) {
		return DiscretionStatement.of(new DiscretionStatement.Applied(circumstance, handling, min, max, unit, fine, goods,
				reason, false), labels);
	}

	@Test
	void aFineWithinTheRangeNamesCircumstancesHandlingRangeAndBasis() {
		assertThat(statement("ORDINARY", "STANDARD", 1000, 5000, "YUAN", 3000.0, null, null)).isEqualTo(
				"违法情节一般，依照裁量基准一般处罚，基准罚款幅度为1000元至5000元；拟罚款3000元，在基准幅度内。");
	}

	@Test
	void aFineOutsideTheRangeCarriesTheOfficersReason() {
		assertThat(statement("SERIOUS", "HEAVIER", 5000, 20000, "YUAN", 25000, null, "拒不改正且阻碍执法"))
			.endsWith("拟罚款25000元，超出基准幅度，理由：拒不改正且阻碍执法。");
	}

	@Test
	void multiplesOfTheGoodsValueAndPercentOfTheCostAreStatedInTheirUnit() {
		assertThat(statement("ORDINARY", "STANDARD", 10, 20, "TIMES_GOODS_VALUE", 150000, 12000, null))
			.contains("基准罚款幅度为货值金额的10至20倍（货值金额12000元）").contains("在基准幅度内");
		assertThat(statement("ORDINARY", "STANDARD", 10, 20, "TIMES_GOODS_VALUE", 300000, 12000, "情节恶劣"))
			.contains("超出基准幅度，理由：情节恶劣");
		assertThat(statement("ORDINARY", "STANDARD", 5, 10, "PERCENT_OF_COST", 80000, null, null))
			.contains("基准罚款幅度为建设工程造价的5%至10%").doesNotContain("超出");
	}

	@Test
	void withoutABenchmarkRowTheOfficersReasonIsTheBasis() {
		assertThat(statement(null, null, null, null, null, 2000, null, "参照同类案件"))
			.isEqualTo("本违法行为未列入行政处罚裁量基准，依法行使裁量权，理由：参照同类案件。");
	}

	@Test
	void afterAConvictionNoFineIsGiven() {
		assertThat(DiscretionStatement.of(new DiscretionStatement.Applied("SERIOUS", "HEAVIER", 5000, 20000, "YUAN", 0,
				null, null, true), labels)).endsWith("不再给予罚款（《中华人民共和国行政处罚法》第三十五条）。");
	}
}
