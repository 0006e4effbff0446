package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.annotation.Order;

/**
 * The history end listeners are looked up in the application context at the first event, not before (they may need
 * the engine, which is built before them), and then kept: a lookup at every activity end was about 1 % of a whole
 * case's CPU (docs/performance.md, 2026-12-06). Each event still reaches every listener, in their order.
 */
class HistoryEndEventsTest {

	@Test
	void listenersAreLookedUpAtTheFirstEventThenKeptAndEachEventReachesThemInOrder() {
		List<String> heard = new ArrayList<>();
		DefaultListableBeanFactory context = new DefaultListableBeanFactory();
		context.setDependencyComparator(AnnotationAwareOrderComparator.INSTANCE); // as in the application context
		HistoryEndEvents events = new HistoryEndEvents(context.getBeanProvider(HistoryEndListener.class));
		// registered after the handler was made, as the engine is built before its listeners
		context.registerSingleton("second", new Second(heard));
		context.registerSingleton("first", new First(heard));

		events.handleEvents(List.of(activityEnd("a1"), activityEnd("a2")));
		// a listener registered after the first event is not looked for any more
		context.registerSingleton("late", new HistoryEndListener() {
			@Override
			public void activityEnded(EndedActivity activity) {
				heard.add("late:" + activity.activityId());
			}
		});
		events.handleEvent(activityEnd("a3"));

		assertThat(heard).containsExactly("first:a1", "second:a1", "first:a2", "second:a2", "first:a3", "second:a3");
	}

	private static HistoricActivityInstanceEventEntity activityEnd(String activityId) {
		HistoricActivityInstanceEventEntity event = new HistoricActivityInstanceEventEntity();
		event.setEventType(HistoryEventTypes.ACTIVITY_INSTANCE_END.getEventName());
		event.setActivityId(activityId);
		event.setActivityInstanceId(activityId + ":1");
		return event;
	}

	@Order(1)
	record First(List<String> heard) implements HistoryEndListener {
		@Override
		public void activityEnded(EndedActivity activity) {
			heard.add("first:" + activity.activityId());
		}
	}

	@Order(2)
	record Second(List<String> heard) implements HistoryEndListener {
		@Override
		public void activityEnded(EndedActivity activity) {
			heard.add("second:" + activity.activityId());
		}
	}
}
