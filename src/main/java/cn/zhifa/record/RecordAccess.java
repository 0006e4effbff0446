package cn.zhifa.record;

import org.springframework.stereotype.Component;

import cn.zhifa.platform.CaseRetrievals;
import cn.zhifa.platform.CurrentUser;
import cn.zhifa.platform.problem.InputCheck;
import cn.zhifa.platform.problem.Problem;

/**
 * Who may read a case's record (R-REC-5): users of the case's agency; supervisors and
 * administrators any case, but only with a stated purpose, and each such retrieval (调阅) is itself
 * appended to the case's record — the retrieval is supervised too.
 */
@Component
class RecordAccess {

	private final CaseFiles caseFiles;
	private final CaseRetrievals retrievals;

	RecordAccess(CaseFiles caseFiles, CaseRetrievals retrievals) {
		this.caseFiles = caseFiles;
		this.retrievals = retrievals;
	}

	/** Whether the user reads across agencies (supervisor, administrator). */
	static boolean supervises(CurrentUser user) {
		return user.isSupervisor() || user.isAdmin();
	}

	/**
	 * Checks the current user may read the case and records a supervisor's retrieval; returns the
	 * case's agency. 404 for an unknown case or another agency's case, 400 for a supervisor without
	 * a purpose (parameter {@code purpose} or header {@code X-Zhifa-Purpose}).
	 */
	String read(String caseNo, String purpose, String what) {
		CurrentUser user = CurrentUser.get();
		String agency = caseFiles.agencyOf(caseNo).orElseThrow(() -> notFound(caseNo));
		if (CaseRetrievals.supervised(user, agency)) {
			retrievals.record(caseNo, agency, user, CaseRetrievals.purposeOfRequest(purpose), what);
			return agency;
		}
		if (agency == null || !user.mayAccessAgency(agency)) {
			throw notFound(caseNo);
		}
		return agency;
	}

	/** For writing (evidence): users of the case's agency only. */
	String write(String caseNo) {
		CurrentUser user = CurrentUser.get();
		String agency = caseFiles.agencyOf(caseNo).orElseThrow(() -> notFound(caseNo));
		if (agency == null || !user.agencies().contains(agency)) {
			throw Problem.forbidden("只有本机关执法人员可以为案件 " + caseNo + " 上传音像记录");
		}
		return agency;
	}

	static Problem notFound(String caseNo) {
		return Problem.notFound("caseNo", "没有案件 " + caseNo + " 的执法记录");
	}
}
