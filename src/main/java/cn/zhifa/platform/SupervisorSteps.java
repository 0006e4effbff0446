package cn.zhifa.platform;

import java.util.Set;

/**
 * The only writes a supervisor (司法局 执法监督, group {@value CurrentUser#SUPERVISOR_GROUP}) may make (ADR-0025): starting a
 * supervision notice ({@value #SUPERVISION_NOTICE_PROCESS}) for the agency its start form names, and working the tasks of
 * that process that are offered to the supervisors' group (claim, unclaim, submit the form, complete); and working the
 * review of a guiding case ({@value #GUIDING_CASE_PROCESS}, ADR-0028) offered to that group. Everything else a
 * supervisor sends that is not a read stays 403 ({@link SupervisorReadOnlyFilter}). The list is code, not a model: a
 * model cannot widen it; a changed model of this process still goes through the model guard and its approval.
 */
public final class SupervisorSteps {

	/** 行政执法监督通知书: issued by the justice bureau, answered by the agency, checked by the bureau. */
	public static final String SUPERVISION_NOTICE_PROCESS = "supervision-notice";
	/**
	 * 行政执法指导案例 (seed 002 (十一), ADR-0028): proposed by an agency, reviewed and published by the justice bureau. The
	 * supervisors work its review step only; they do not start it.
	 */
	public static final String GUIDING_CASE_PROCESS = "guiding-case";
	/** The start form's field naming the agency supervised: the tenant of the started instance. */
	public static final String SUPERVISED_AGENCY = "supervisedAgency";
	/** Processes a supervisor may start. */
	static final Set<String> STARTABLE = Set.of(SUPERVISION_NOTICE_PROCESS);
	/** Processes whose tasks offered to the supervisors' group a supervisor may work on. */
	static final Set<String> WORKABLE = Set.of(SUPERVISION_NOTICE_PROCESS, GUIDING_CASE_PROCESS);

	private SupervisorSteps() {
	}
}
