package cn.zhifa.inspection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhifa.platform.FormChecks;

/** Thin delegates of {@code random-inspection}: each calls one step of {@link InspectionService}. */
final class InspectionDelegates {

	private InspectionDelegates() {
	}

	@Component("drawInspectionTargets")
	static class Draw implements JavaDelegate {

		private final InspectionService service;

		Draw(InspectionService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.draw(execution);
		}
	}

	@Component("prepareInspection")
	static class Prepare implements JavaDelegate {

		private final InspectionService service;

		Prepare(InspectionService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.prepareInspection(execution);
		}
	}

	@Component("recordInspectionResult")
	static class Conclude implements JavaDelegate {

		private final InspectionService service;

		Conclude(InspectionService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.conclude(execution);
		}
	}

	@Component("openInspectionCase")
	static class OpenCase implements JavaDelegate {

		private final InspectionService service;

		OpenCase(InspectionService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.openCase(execution);
		}
	}

	@Component("publishInspectionResult")
	static class Publish implements JavaDelegate {

		private final InspectionService service;

		Publish(InspectionService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.publish(execution);
		}
	}

	@Component("finishInspectionPlan")
	static class Finish implements JavaDelegate {

		private final InspectionService service;

		Finish(InspectionService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.finish(execution);
		}
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
			onComplete("random-inspection-result", service::checkResult);
			onCreate("random-inspection-publish", service::preparePublication);
			onComplete("random-inspection-publish", service::checkPublication);
		}
	}
}
