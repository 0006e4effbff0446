package cn.zhifa.itemlist;

import static cn.zhifa.itemlist.ItemListService.ACCOUNTABILITY;
import static cn.zhifa.itemlist.ItemListService.ACTION;
import static cn.zhifa.itemlist.ItemListService.ACTION_LABEL;
import static cn.zhifa.itemlist.ItemListService.BASE_VERSION;
import static cn.zhifa.itemlist.ItemListService.COMMENT;
import static cn.zhifa.itemlist.ItemListService.CURRENT_ENTRY;
import static cn.zhifa.itemlist.ItemListService.EFFECTIVE_ON;
import static cn.zhifa.itemlist.ItemListService.ITEM_CODE;
import static cn.zhifa.itemlist.ItemListService.KIND;
import static cn.zhifa.itemlist.ItemListService.KIND_LABEL;
import static cn.zhifa.itemlist.ItemListService.LEGAL_BASIS;
import static cn.zhifa.itemlist.ItemListService.NAME;
import static cn.zhifa.itemlist.ItemListService.NO;
import static cn.zhifa.itemlist.ItemListService.OUTCOME;
import static cn.zhifa.itemlist.ItemListService.PROPOSED_BY;
import static cn.zhifa.itemlist.ItemListService.PUBLISHED_VERSION;
import static cn.zhifa.itemlist.ItemListService.REASON;
import static cn.zhifa.itemlist.ItemListService.RESPONSIBILITIES;
import static cn.zhifa.itemlist.ItemListService.UNIT;

import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import cn.zhifa.platform.FormChecks;
import cn.zhifa.platform.Steps;

/**
 * Thin delegates of {@code item-list-change}: each maps the variables of one step of {@link ItemListService} in
 * and its results out (ADR-0038).
 */
@Configuration(proxyBeanMethods = false)
final class ItemListDelegates {

	@Bean
	JavaDelegate proposeItemListChange(ItemListService service) {
		return execution -> {
			ItemListService.Proposed p = service.propose(Steps.of(execution), proposal(execution));
			Steps.numbered(execution, NO, p.changeNo(), p.agency(), p.agencyName());
			execution.setVariable(PROPOSED_BY, p.proposedBy());
			show(execution, p.shown());
		};
	}

	@Bean
	JavaDelegate returnItemListChange(ItemListService service) {
		return execution -> {
			service.returnForRevision(Steps.of(execution), Steps.text(execution, NO), Steps.text(execution, COMMENT));
		};
	}

	@Bean
	JavaDelegate resubmitItemListChange(ItemListService service) {
		return execution -> {
			ItemListService.Shown shown = service.resubmit(Steps.of(execution), Steps.text(execution, NO), proposal(execution));
			execution.removeVariable(OUTCOME);
			execution.removeVariable(COMMENT);
			show(execution, shown);
		};
	}

	@Bean
	JavaDelegate publishItemListChange(ItemListService service) {
		return execution -> {
			execution.setVariable(PUBLISHED_VERSION, service.publish(Steps.of(execution), Steps.text(execution, NO),
					proposal(execution), Steps.text(execution, COMMENT)));
		};
	}

	/** Task listener {@code ${itemListTaskChecks}} on completion: the check of each form, by form (fail closed). */
	@Component("itemListTaskChecks")
	static class TaskChecks extends FormChecks {

		TaskChecks(ItemListService service) {
			super("itemListTaskChecks");
			onComplete("item-list-change-review", task -> service.checkReview(Steps.of(task), Steps.text(task, OUTCOME),
					Steps.text(task, COMMENT), task.getVariable(PROPOSED_BY) instanceof String s ? s : null));
			onComplete("item-list-change-revise", task -> service.checkRevision(Steps.of(task), proposal(task)));
		}
	}

	/** The proposal's fields of the start or revise form; a date-typed effective day as yyyy-MM-dd (China's date). */
	static ItemListService.ProposalInput proposal(VariableScope scope) {
		Object effectiveOn = scope.getVariable(EFFECTIVE_ON);
		return new ItemListService.ProposalInput(Steps.text(scope, ACTION), Steps.text(scope, ITEM_CODE),
				Steps.text(scope, NAME), Steps.text(scope, KIND), Steps.text(scope, LEGAL_BASIS), Steps.text(scope, UNIT),
				Steps.text(scope, RESPONSIBILITIES), Steps.text(scope, ACCOUNTABILITY), Steps.text(scope, REASON),
				effectiveOn instanceof Date d ? LocalDate.ofInstant(d.toInstant(), ItemListService.CHINA).toString()
						: effectiveOn == null ? null : effectiveOn.toString());
	}

	/** What the review form shows of the change. */
	static void show(DelegateExecution execution, ItemListService.Shown shown) {
		execution.setVariable(ACTION_LABEL, shown.actionLabel());
		execution.setVariable(KIND_LABEL, shown.kindLabel());
		execution.setVariable(BASE_VERSION, shown.baseVersion());
		execution.setVariable(EFFECTIVE_ON, shown.effectiveOn());
		execution.setVariable(CURRENT_ENTRY, shown.currentEntry());
		if (shown.removedName() != null) {
			execution.setVariable(NAME, shown.removedName());
		}
	}
}
