package cn.zhifa.itemlist;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.zhifa.models.ModelMarkers;

/** Thin delegates of {@code item-list-change}: each calls one step of {@link ItemListService}. */
final class ItemListDelegates {

	private ItemListDelegates() {
	}

	@Component("proposeItemListChange")
	static class Propose implements JavaDelegate {

		private final ItemListService service;

		Propose(ItemListService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.propose(execution);
		}
	}

	@Component("returnItemListChange")
	static class Return implements JavaDelegate {

		private final ItemListService service;

		Return(ItemListService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.returnForRevision(execution);
		}
	}

	@Component("resubmitItemListChange")
	static class Resubmit implements JavaDelegate {

		private final ItemListService service;

		Resubmit(ItemListService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.resubmit(execution);
		}
	}

	@Component("publishItemListChange")
	static class Publish implements JavaDelegate {

		private final ItemListService service;

		Publish(ItemListService service) {
			this.service = service;
		}

		@Override
		public void execute(DelegateExecution execution) {
			service.publish(execution);
		}
	}

	/** Task listener {@code ${itemListTaskChecks}} on completion: the check of each form, by form (fail closed). */
	@Component("itemListTaskChecks")
	static class TaskChecks implements TaskListener {

		private final ItemListService service;

		TaskChecks(ItemListService service) {
			this.service = service;
		}

		@Override
		public void notify(DelegateTask task) {
			if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
				return;
			}
			switch (ModelMarkers.formOf(task)) {
				case "item-list-change-review" -> service.checkReview(task);
				case "item-list-change-revise" -> service.checkRevision(task);
				default -> throw new IllegalStateException("itemListTaskChecks has no check for form "
						+ ModelMarkers.formOf(task) + " of task " + task.getTaskDefinitionKey());
			}
		}
	}
}
