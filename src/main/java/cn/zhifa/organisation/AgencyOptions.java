package cn.zhifa.organisation;

import cn.zhifa.platform.FormFields;
import cn.zhifa.platform.Steps;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener {@code ${agencyOptions}} (event {@code create}) for a task whose form chooses another
 * agency on the platform, e.g. where to transfer a case: sets the task variable {@value #VARIABLE} to the
 * options of a Camunda Forms select ({@code "valuesKey": "otherAgencies"}), a JSON list of
 * {@code {"label": "某区市场监督管理局", "value": "QLSCJ"}} — every agency but the task's own.
 */
@Component("agencyOptions")
class AgencyOptions implements TaskListener {

	static final String VARIABLE = "otherAgencies";

	private final AgencyRepository agencies;

	AgencyOptions(AgencyRepository agencies) {
		this.agencies = agencies;
	}

	@Override
	public void notify(DelegateTask task) {
		String own = Steps.agency(task);
		List<Agency> others = agencies.findAll().stream().filter(a -> !a.getCode().equals(own))
			.sorted(Comparator.comparing(Agency::getName)).toList();
		FormFields.setOptions(task, VARIABLE, others, Agency::getName, Agency::getCode);
	}
}
