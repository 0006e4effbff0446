package cn.zhifa.qualification;

import cn.zhifa.platform.CaseVariables;
import cn.zhifa.platform.FormFields;
import cn.zhifa.platform.Steps;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.zhifa.organisation.Officer;

/**
 * Task listener {@code ${certifiedOfficers}} (event {@code create}) for a task whose form chooses
 * people: sets the task variable {@value #VARIABLE} to the agency's officers who may enforce today,
 * as the options of a Camunda Forms select / checklist ({@code "valuesKey": "certifiedOfficers"}):
 * a JSON list of {@code {"label": "李明（执法一中队）", "value": "officer1"}}. The agency is the task's
 * tenant, else {@code agencyCode}. Choosing from it does not replace the server's check of the
 * submitted user ids.
 */
@Component("certifiedOfficers")
class CertifiedOfficerOptions implements TaskListener {

	static final String VARIABLE = "certifiedOfficers";

	private final QualificationService qualifications;

	CertifiedOfficerOptions(QualificationService qualifications) {
		this.qualifications = qualifications;
	}

	@Override
	public void notify(DelegateTask task) {
		setOptions(task, VARIABLE, qualifications.certifiedOfficers(Steps.agency(task), qualifications.today()));
	}

	/** Sets the task variable {@code variable} to the people as select options ("李明（执法一中队）" → officer1). */
	static void setOptions(DelegateTask task, String variable, List<Officer> people) {
		FormFields.setOptions(task, variable, people,
				officer -> officer.getFullName() + (officer.getUnit() == null ? "" : "（" + officer.getUnit() + "）"),
				Officer::getUserId);
	}

	/**
	 * Task listener {@code ${hearingChairs}} (event {@code create}) of the hearing notice: the task variable
	 * {@value #CHAIRS} lists who may chair the hearing — certified staff of the agency who did not
	 * investigate or handle the case (行政处罚法 art. 64(4)). The step's check refuses anybody else.
	 */
	@Component("hearingChairs")
	static class HearingChairOptions implements TaskListener {

		static final String CHAIRS = "hearingChairs";

		private final QualificationService qualifications;

		HearingChairOptions(QualificationService qualifications) {
			this.qualifications = qualifications;
		}

		@Override
		public void notify(DelegateTask task) {
			java.util.Set<String> excluded = new java.util.HashSet<>(
					QualificationService.userIds(task.getVariable(EnforcementStepGuard.INVESTIGATING_OFFICERS)));
			Object handler = task.getVariable(CaseVariables.HANDLER_ID);
			if (handler != null) {
				excluded.add(handler.toString());
			}
			setOptions(task, CHAIRS, qualifications.hearingChairs(Steps.agency(task), qualifications.today(), excluded));
		}
	}
}
