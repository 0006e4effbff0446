package cn.zhifa.modelchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.zhifa.models.ModelProblem;
import cn.zhifa.platform.CurrentUser;
import cn.zhifa.platform.ModelerDeploymentFilter;
import cn.zhifa.platform.ModelerDeployments;
import cn.zhifa.platform.problem.Problem;

/**
 * A legal office's deployment from Camunda Modeler becomes a model change (issue 14 §6,
 * {@link ModelerDeploymentFilter}): the tenant it names is the target, the deployment name the change's
 * name, effective today once approved.
 */
@Configuration(proxyBeanMethods = false)
class ModelChangeConfiguration {

	@Bean
	ModelerDeployments modelerDeployments(ModelChangeService changes) {
		return (CurrentUser user, String name, String source, String tenant, Map<String, byte[]> files) -> {
			String changeName = name == null ? "Camunda Modeler 提交的模型变更" : name;
			String reason = "通过 Camunda Modeler 部署提交（部署名称：" + changeName + (source == null ? "" : "，来源：" + source)
					+ "）。变更理由请审批人向提交人核实，或改用 POST /api/models/changes 提交并写明理由。";
			ModelChangeService.Change change;
			try {
				change = changes.submit(user, new ModelChangeService.Submission(changeName, reason, tenant,
						changes.today(), files, "MODELER"));
			}
			catch (ModelChangeService.Refused refused) {
				throw Problem.invalid("data", refused.getMessage()).with("problems", refused.problems())
					.with("details", details(refused.problems()));
			}
			String message = "未直接部署：已作为模型变更 " + change.changeNo() + " 提交（" + change.targetLabel()
					+ "），模型检查已通过，待" + (tenant == null ? "司法局" : "本单位主要负责人") + "在 Tasklist“模型变更审批”中审批；批准后于生效日期 "
					+ change.effectiveDate() + " 由系统部署。查看：/api/models/changes/" + change.changeNo();
			return new ModelerDeployments.Submitted(change.changeNo(), message);
		};
	}

	/** The guard's problems per file, as the engine's ParseException reports them (Camunda Modeler shows these). */
	static Map<String, Object> details(List<ModelProblem> problems) {
		Map<String, Object> byFile = new LinkedHashMap<>();
		for (ModelProblem p : problems) {
			@SuppressWarnings("unchecked")
			Map<String, Object> report = (Map<String, Object>) byFile.computeIfAbsent(p.file(),
					f -> new LinkedHashMap<>(Map.of("errors", new ArrayList<>(), "warnings", new ArrayList<>())));
			@SuppressWarnings("unchecked")
			List<Object> errors = (List<Object>) report.get("errors");
			Map<String, Object> error = new LinkedHashMap<>();
			error.put("message", p.message());
			error.put("line", p.line());
			error.put("column", 0);
			error.put("mainElementId", p.element());
			error.put("elementIds", p.element() == null ? List.of() : List.of(p.element()));
			errors.add(error);
		}
		return byFile;
	}

	/** After Spring Security (the login is known), before the engine's REST API and its other filters. */
	@Bean
	FilterRegistrationBean<ModelerDeploymentFilter> modelerDeploymentFilter(ModelerDeployments deployments) {
		FilterRegistrationBean<ModelerDeploymentFilter> registration = new FilterRegistrationBean<>(
				new ModelerDeploymentFilter(deployments));
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
		registration.setName("modeler-deployments");
		registration.setOrder(10);
		return registration;
	}
}
