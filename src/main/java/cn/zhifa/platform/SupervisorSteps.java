package cn.zhifa.platform;

import java.util.Set;

/**
 * The only writes a supervisor (司法局 执法监督, group {@value Roles#SUPERVISOR}) may make (ADR-0025): starting a
 * supervision notice ({@value #SUPERVISION_NOTICE_PROCESS}) for the agency its start form names, and working the tasks of
 * that process that are offered to the supervisors' group (claim, unclaim, submit the form, complete). The case-file
 * review ({@value #CASE_FILE_REVIEW_PROCESS}, ADR-0026) is listed the same way: started for the agency its start form
 * names, its scoring and conclusion offered to the supervisors' group. Everything else a supervisor sends that is not a
 * read stays 403 ({@link SupervisorReadOnlyFilter}). The review of a guiding case ({@value #GUIDING_CASE_PROCESS},
 * ADR-0028) is workable the same way (not startable). The list is code, not a model: a model cannot widen it; a changed
 * model of these processes still goes through the model guard and its approval.
 */
public final class SupervisorSteps {

	/** 行政执法监督通知书: issued by the justice bureau, answered by the agency, checked by the bureau. */
	public static final String SUPERVISION_NOTICE_PROCESS = "supervision-notice";
	/** 案卷评查 (R-REC-7, ADR-0026): drawn, scored and concluded by the justice bureau, acknowledged by the agency. */
	public static final String CASE_FILE_REVIEW_PROCESS = "case-file-review";
	/**
	 * 行政执法争议协调 (R-COORD-5, ADR-0027): raised by an agency; the justice bureau accepts the application, coordinates,
	 * issues its written opinion, reports to the county government and records its ruling (its tasks offered to the
	 * supervisors' group). Supervisors do not start it.
	 */
	public static final String AGENCY_DISPUTE_PROCESS = "agency-dispute";
	/**
	 * 行政执法指导案例 (seed 002 (十一), ADR-0028): proposed by an agency, reviewed and published by the justice bureau. The
	 * supervisors work its review step only; they do not start it.
	 */
	public static final String GUIDING_CASE_PROCESS = "guiding-case";
	/** The start form's field naming the agency supervised: the tenant of the started instance. */
	public static final String SUPERVISED_AGENCY = "supervisedAgency";
	/** Processes a supervisor may start. */
	static final Set<String> STARTABLE = Set.of(SUPERVISION_NOTICE_PROCESS, CASE_FILE_REVIEW_PROCESS);
	/** Processes whose tasks offered to the supervisors' group a supervisor may work on. */
	static final Set<String> WORKABLE = Set.of(SUPERVISION_NOTICE_PROCESS, CASE_FILE_REVIEW_PROCESS, AGENCY_DISPUTE_PROCESS,
			GUIDING_CASE_PROCESS);

	private SupervisorSteps() {
	}
}
