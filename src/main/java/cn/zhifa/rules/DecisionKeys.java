package cn.zhifa.rules;

import java.util.List;

/**
 * Keys of the decision tables in {@code dmn/}: part of the integration contract between the tables a
 * legal office edits and the processes that call them ({@code camunda:decisionRef}). Inputs and
 * outputs of each table: docs/decision-tables.md.
 */
public final class DecisionKeys {

	/** 重大执法决定法制审核目录清单 (R-REV-2), hit policy COLLECT: major if any row has {@code isMajor}. */
	public static final String MAJOR_DECISION_CATALOGUE = "major-decision-catalogue";
	/** 裁量基准 with 减免责清单 (R-DISCR-1/2), hit policy FIRST. */
	public static final String DISCRETION_BENCHMARK = "discretion-benchmark";
	/** 音像记录事项清单 (R-REC-2), hit policy FIRST with a catch-all last row. */
	public static final String AV_RECORDING_LIST = "av-recording-list";
	/** 事后公开期限 in working days (R-DISC-3), hit policy FIRST with a catch-all last row. */
	public static final String DISCLOSURE_DEADLINE = "disclosure-deadline";

	/** The tables published on the public portal (R-DISC-1). */
	public static final List<String> PUBLISHED = List.of(MAJOR_DECISION_CATALOGUE, DISCRETION_BENCHMARK,
			AV_RECORDING_LIST);

	private DecisionKeys() {
	}
}
