package cn.zhifa.itemlist;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.zhifa.platform.FormChecks;

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
	static class TaskChecks extends FormChecks {

		TaskChecks(ItemListService service) {
			super("itemListTaskChecks");
			onComplete("item-list-change-review", service::checkReview);
			onComplete("item-list-change-revise", service::checkRevision);
		}
	}
}
