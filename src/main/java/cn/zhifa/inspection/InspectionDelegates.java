package cn.zhifa.inspection;

import static cn.zhifa.inspection.InspectionService.*;
import static cn.zhifa.platform.Steps.text;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import cn.zhifa.platform.FormChecks;
import cn.zhifa.platform.Steps;

/**
 * Thin delegates of {@code random-inspection}: each maps the process's variables to one step of
 * {@link InspectionService} and its result back (ADR-0038).
 */
@Configuration(proxyBeanMethods = false)
final class InspectionDelegates {

	@Bean
	JavaDelegate drawInspectionTargets(InspectionService service) {
		return execution -> {
			InspectionService.Drawn d = service.draw(Steps.of(execution), text(execution, PLAN_NAME), text(execution, ITEM_CODE),
					execution.getVariable(TARGET_COUNT));
			Steps.numbered(execution, PLAN_NO, d.planNo(), d.agency(), d.agencyName());
			execution.setVariable(ITEM_NAME, d.itemName());
			execution.setVariable(SEED, d.seed());
			execution.setVariable(DRAWN_COUNT, d.drawnCount());
			execution.setVariable(DRAWN_NOS, d.drawnNos());
			execution.setVariable(DRAWN_TEXT, d.drawnText());
		};
	}

	@Bean
	JavaDelegate prepareInspection(InspectionService service) {
		return execution -> {
			InspectionService.Prepared p = service.prepareInspection(execution.getVariable("loopCounter"),
					text(execution, DRAWN_NOS));
			execution.setVariableLocal(NO, p.no());
			execution.setVariableLocal(TARGET, p.target());
			execution.setVariableLocal(TARGET_CODE, p.targetCode());
			execution.setVariableLocal(TARGET_ADDRESS, p.targetAddress());
			execution.setVariableLocal(INSPECTORS, p.inspectors());
			execution.setVariableLocal(INSPECTOR, p.inspector());
			execution.setVariableLocal(CO_INSPECTOR, p.coInspector());
		};
	}

	@Bean
	JavaDelegate recordInspectionResult(InspectionService service) {
		return execution -> {
			InspectionService.Concluded c = service.conclude(Steps.of(execution), text(execution, NO));
			execution.setVariableLocal(RESULT_LABEL, c.resultLabel());
			execution.setVariableLocal(VIOLATION, c.violation());
			execution.setVariableLocal(PUBLICATION_DUE, c.publicationDue());
			execution.setVariableLocal(CASE_NO, "未立案");
		};
	}

	@Bean
	JavaDelegate openInspectionCase(InspectionService service) {
		return execution -> {
			execution.setVariableLocal(CASE_NO, service.openCase(Steps.of(execution), text(execution, NO)));
		};
	}

	@Bean
	JavaDelegate publishInspectionResult(InspectionService service) {
		return execution -> {
			service.publish(Steps.of(execution), text(execution, NO), text(execution, PUBLIC_TEXT));
			execution.removeVariable(PUBLIC_TEXT);
		};
	}

	@Bean
	JavaDelegate finishInspectionPlan(InspectionService service) {
		return execution -> {
			service.finish(Steps.of(execution), text(execution, PLAN_NO));
		};
	}

	/**
	 * Task listener {@code ${inspectionTaskChecks}}: on {@code create} of 审核并公示检查结果 the text to publish is
	 * proposed; on {@code complete} the check of each form, by form
	 * (fail closed).
	 */
	@Component("inspectionTaskChecks")
	static class TaskChecks extends FormChecks {

		TaskChecks(InspectionService service) {
			super("inspectionTaskChecks");
			onComplete("random-inspection-result", task -> {
				service.checkResult(Steps.of(task), text(task, NO), text(task, RESULT), text(task, FINDINGS));
				task.removeVariable(RESULT);
				task.removeVariable(FINDINGS);
			});
			// on this inspection's scope (not the task): the submitted text replaces it whichever way the form is submitted
			onCreate("random-inspection-publish", task -> task.getExecution().setVariableLocal(PUBLIC_TEXT,
					service.preparePublication(Steps.of(task), text(task, NO))));
			onComplete("random-inspection-publish", task -> service.checkPublication(text(task, PUBLIC_TEXT)));
		}
	}
}
