package cn.zhifa.organisation;

import cn.zhifa.platform.CaseVariables;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

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
	private final ObjectMapper json = new ObjectMapper();

	AgencyOptions(AgencyRepository agencies) {
		this.agencies = agencies;
	}

	@Override
	public void notify(DelegateTask task) {
		Object own = task.getTenantId() != null ? task.getTenantId() : task.getVariable(CaseVariables.AGENCY_CODE);
		List<Map<String, String>> options = new ArrayList<>();
		agencies.findAll().stream().filter(a -> !a.getCode().equals(own)).sorted(Comparator.comparing(Agency::getName))
			.forEach(a -> {
				Map<String, String> option = new LinkedHashMap<>();
				option.put("label", a.getName());
				option.put("value", a.getCode());
				options.add(option);
			});
		try {
			task.setVariableLocal(VARIABLE, SpinValues.jsonValue(json.writeValueAsString(options)).create());
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}
}
