package cn.zhifa.legalreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** R-REV-8: legal reviewers ≥ 5 % of the agency's officers, rounded up, at least one. */
class ReviewerStaffingTest {

	@ParameterizedTest(name = "{0} officers → {1} reviewers")
	@CsvSource({ "0, 1", "1, 1", "4, 1", "20, 1", "21, 2", "40, 2", "41, 3", "100, 5", "101, 6", "1000, 50" })
	void requiredReviewersAreFivePercentRoundedUpAndAtLeastOne(long officers, long required) {
		assertThat(LegalReviewService.requiredReviewers(officers)).isEqualTo(required);
	}

	@Test
	void aNegativeOfficerCountIsAnError() {
		assertThatThrownBy(() -> LegalReviewService.requiredReviewers(-1)).isInstanceOf(IllegalArgumentException.class);
	}
}
