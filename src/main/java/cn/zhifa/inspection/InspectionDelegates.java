package cn.zhifa.inspection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.zhifa.models.ModelMarkers;

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
	static class TaskChecks implements TaskListener {

		private final InspectionService service;

		TaskChecks(InspectionService service) {
			this.service = service;
		}

		@Override
		public void notify(DelegateTask task) {
			String form = ModelMarkers.formOf(task);
			if (EVENTNAME_CREATE.equals(task.getEventName())) {
				switch (form) {
					case "random-inspection-publish" -> service.preparePublication(task);
					default -> {
					}
				}
				return;
			}
			if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
				return;
			}
			switch (form) {
				case "random-inspection-result" -> service.checkResult(task);
				case "random-inspection-publish" -> service.checkPublication(task);
				default -> throw new IllegalStateException("inspectionTaskChecks has no check for form " + form
						+ " of task " + task.getTaskDefinitionKey());
			}
		}
	}
}
