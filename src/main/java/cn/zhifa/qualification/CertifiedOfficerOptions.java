package cn.zhifa.qualification;

import cn.zhifa.platform.CaseVariables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

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
	private final ObjectMapper json = new ObjectMapper();

	CertifiedOfficerOptions(QualificationService qualifications) {
		this.qualifications = qualifications;
	}

	@Override
	public void notify(DelegateTask task) {
		setOptions(task, VARIABLE, qualifications.certifiedOfficers(agency(task), qualifications.today()), json);
	}

	static String agency(DelegateTask task) {
		Object agency = task.getTenantId() != null ? task.getTenantId() : task.getVariable(CaseVariables.AGENCY_CODE);
		return agency == null ? null : agency.toString();
	}

	/** Sets the task variable {@code variable} to the people as select options ("李明（执法一中队）" → officer1). */
	static void setOptions(DelegateTask task, String variable, List<Officer> people, ObjectMapper json) {
		List<Map<String, String>> options = new ArrayList<>();
		for (Officer officer : people) {
			Map<String, String> option = new LinkedHashMap<>();
			option.put("label", officer.getFullName() + (officer.getUnit() == null ? "" : "（" + officer.getUnit() + "）"));
			option.put("value", officer.getUserId());
			options.add(option);
		}
		try {
			task.setVariableLocal(variable, SpinValues.jsonValue(json.writeValueAsString(options)).create());
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
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
		private final ObjectMapper json = new ObjectMapper();

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
			setOptions(task, CHAIRS, qualifications.hearingChairs(agency(task), qualifications.today(), excluded), json);
		}
	}
}
