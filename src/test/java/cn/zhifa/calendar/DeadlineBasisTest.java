package cn.zhifa.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;

import org.junit.jupiter.api.Test;

/** How a deadline variable's computation is recorded beside it and run again (issue 16 point 7). */
class DeadlineBasisTest {

	private final Deadlines deadlines = CalendarFixtures.deadlines();

	@Test
	void aChainIsWrittenReadAndRunAgain() {
		Instant filed = OffsetDateTime.parse("2026-11-02T09:00:00+08:00").toInstant();
		DeadlineBasis basis = DeadlineBasis.limit("PENALTY_DECISION", filed).then("PENALTY_DECISION_EXTENSION");
		assertThat(basis.format())
			.isEqualTo("limit PENALTY_DECISION from 2026-11-02T01:00:00Z; limit PENALTY_DECISION_EXTENSION");
		assertThat(DeadlineBasis.parse(basis.format())).isEqualTo(basis);
		// 90 days from Mon 2 Nov 2026 → Sun 31 Jan 2027 → Mon 1 Feb; + 30 days → Wed 3 Mar 2027
		assertThat(basis.evaluate(deadlines)).isEqualTo(at("2027-03-03T23:59:59+08:00"));
		DeadlineBasis workdays = DeadlineBasis.parse("workdays 7 from 2026-09-29T16:00:00Z");
		assertThat(workdays.evaluate(deadlines)).isEqualTo(deadlines.workdays(Date.from(workdays.start()), 7));
	}

	@Test
	void anUnreadableBasisIsRefused() {
		for (String bad : new String[] { "", "limit PENALTY_DECISION", "limit PENALTY_DECISION from yesterday",
				"exec rm from 2026-11-02T01:00:00Z", "workdays -3 from 2026-11-02T01:00:00Z",
				"limit A from 2026-11-02T01:00:00Z; limit B C" }) {
			assertThatThrownBy(() -> DeadlineBasis.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
		}
	}

	@Test
	void aDeadlineAndItsExtensionKeepTheBasisBesideThem() {
		Deadlines.Due due = deadlines.limitDue("decisionDueAt", "PENALTY_DECISION", "2026-11-02");
		assertThat(due.at()).isEqualTo(at("2027-02-01T23:59:59+08:00"));
		assertThat(due.variables()).containsEntry("decisionDueAt", due.at())
			.containsEntry("decisionDueAtBasis", "limit PENALTY_DECISION from 2026-11-01T16:00:00Z");
		Deadlines.Due extended = deadlines.extendedDue("decisionDueAt", due.at(), due.basis(), "PENALTY_DECISION_EXTENSION");
		assertThat(extended.at()).isEqualTo(at("2027-03-03T23:59:59+08:00"));
		assertThat(extended.basis())
			.isEqualTo("limit PENALTY_DECISION from 2026-11-01T16:00:00Z; limit PENALTY_DECISION_EXTENSION");
		// a deadline that was moved another way starts a new chain from where it stands
		Deadlines.Due moved = deadlines.extendedDue("decisionDueAt", at("2027-04-01T23:59:59+08:00"), extended.basis(),
				"PENALTY_DECISION_EXTENSION");
		assertThat(moved.basis()).isEqualTo("limit PENALTY_DECISION_EXTENSION from 2027-04-01T15:59:59Z");
		assertThat(deadlines.workdaysBasis("2026-09-29", 7)).isEqualTo("workdays 7 from 2026-09-28T16:00:00Z");
	}

	@Test
	void everyDeadlineOfTheCaseContractHasItsBasisSetBySystemOnly() {
		assertThat(cn.zhifa.platform.CaseVariables.all()).filteredOn(v -> v.name().endsWith("DueAt")).isNotEmpty()
			.allSatisfy(v -> assertThat(cn.zhifa.platform.CaseVariables.find(v.name() + "Basis")).get()
				.satisfies(basis -> assertThat(basis.forms()).isEmpty())
				.satisfies(basis -> assertThat(basis.messages()).isEmpty()));
		assertThat(cn.zhifa.platform.CaseVariables.find(ProvisionalTaskMark.VARIABLE)).get()
			.satisfies(mark -> assertThat(mark.forms()).isEmpty());
	}

	private static Date at(String iso) {
		return Date.from(OffsetDateTime.parse(iso).toInstant());
	}
}
