package cn.zhifa.sla;

import org.springframework.stereotype.Component;

import cn.zhifa.platform.HistoryEndListener;

/**
 * Hears every closing of a deadline, for every process, without a line in the models (ADR "SLA
 * history"): the platform's history events ({@link HistoryEndListener}) give each task end (with its due
 * date) and each activity end, in the command that causes it. The outcome itself is {@link SlaOutcomes}'
 * business; this class only routes the events.
 */
@Component
class SlaHistoryEventHandler implements HistoryEndListener {

	private final SlaOutcomes outcomes;

	SlaHistoryEventHandler(SlaOutcomes outcomes) {
		this.outcomes = outcomes;
	}

	@Override
	public void taskEnded(EndedTask task) {
		outcomes.taskEnded(task);
	}

	@Override
	public void activityEnded(EndedActivity activity) {
		outcomes.activityEnded(activity);
	}
}
