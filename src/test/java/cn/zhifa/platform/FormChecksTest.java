package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;


/** The one form-check listener (ADR-0035): by form and event, fail closed, held to the vocabulary. */
class FormChecksTest {

	final List<String> ran = new ArrayList<>();

	class ItemList extends FormChecks {
		ItemList() {
			super("itemListTaskChecks");
			onComplete("item-list-change-review", t -> ran.add("review"));
			onCreate("item-list-change-revise", t -> ran.add("prepare revision"));
			onComplete("item-list-change-revise", t -> ran.add("revision"));
		}
	}

	@Test
	void runsTheCheckOfTheTasksFormAndEvent() {
		FormChecks checks = new ItemList();
		checks.afterPropertiesSet();
		checks.notify(task("item-list-change-revise", TaskListener.EVENTNAME_CREATE));
		checks.notify(task("item-list-change-revise", TaskListener.EVENTNAME_COMPLETE));
		checks.notify(task("item-list-change-review", TaskListener.EVENTNAME_CREATE));
		checks.notify(task("item-list-change-review", TaskListener.EVENTNAME_COMPLETE));
		assertThat(ran).containsExactly("prepare revision", "revision", "review");
	}

	@Test
	void refusesAFormItHasNoCheckForWhateverTheEvent() {
		FormChecks checks = new ItemList();
		for (String event : List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_COMPLETE)) {
			assertThatThrownBy(() -> checks.notify(task("guiding-case-review", event)))
				.isInstanceOf(IllegalStateException.class)
				.hasMessage("itemListTaskChecks has no check for form guiding-case-review of task renamedTask");
		}
		assertThat(ran).isEmpty();
	}

	@Test
	void theFormsCheckedAreTheOnesTheVocabularyLists() {
		assertThat(new ItemList().forms()).isEqualTo(ModelVocabulary.TASK_CHECKS.get("itemListTaskChecks"));
		FormChecks missing = new FormChecks("itemListTaskChecks") {
			{
				onComplete("item-list-change-review", t -> ran.add("review"));
			}
		};
		assertThatThrownBy(missing::afterPropertiesSet).hasMessageContaining("item-list-change-revise");
		FormChecks unknown = new FormChecks("noSuchTaskChecks") {
			{
				onComplete("item-list-change-review", t -> ran.add("review"));
			}
		};
		assertThatThrownBy(unknown::afterPropertiesSet).hasMessageContaining("no such listener");
	}

	@Test
	void aFormHasOneCheckPerEvent() {
		assertThatThrownBy(() -> new FormChecks("itemListTaskChecks") {
			{
				onComplete("item-list-change-review", t -> ran.add("one"));
				onComplete("item-list-change-review", t -> ran.add("two"));
			}
		}).hasMessageContaining("two complete checks");
	}

	static DelegateTask task(String form, String event) {
		DelegateTask task = mock(DelegateTask.class);
		org.camunda.bpm.model.bpmn.instance.UserTask element = mock(org.camunda.bpm.model.bpmn.instance.UserTask.class);
		when(element.getCamundaFormRef()).thenReturn(form);
		when(task.getBpmnModelElementInstance()).thenReturn(element);
		when(task.getTaskDefinitionKey()).thenReturn("renamedTask");
		when(task.getEventName()).thenReturn(event);
		return task;
	}
}
