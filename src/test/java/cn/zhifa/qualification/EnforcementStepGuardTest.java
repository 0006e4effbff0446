package cn.zhifa.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The ways a form or REST call may record the investigating officers (R-QUAL-2). */
class EnforcementStepGuardTest {

	@Test
	void readsJavaListsJsonArraysAndSeparatedText() {
		assertThat(EnforcementStepGuard.userIds(List.of("officer1", "officer2"))).containsExactly("officer1", "officer2");
		assertThat(EnforcementStepGuard.userIds("[\"officer1\", \"officer2\"]")).containsExactly("officer1", "officer2");
		assertThat(EnforcementStepGuard.userIds("officer1，officer2、 officer3")).containsExactly("officer1", "officer2",
				"officer3");
		assertThat(EnforcementStepGuard.userIds(new String[] { "officer1", " " })).containsExactly("officer1");
	}

	@Test
	void nothingRecordedMeansNobody() {
		assertThat(EnforcementStepGuard.userIds(null)).isEmpty();
		assertThat(EnforcementStepGuard.userIds("  ")).isEmpty();
		assertThat(EnforcementStepGuard.userIds("[not json")).isEmpty();
	}
}
