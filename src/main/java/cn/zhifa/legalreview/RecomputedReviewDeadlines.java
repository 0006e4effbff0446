package cn.zhifa.legalreview;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.zhifa.calendar.DeadlineRecomputed;

/**
 * A review's deadline ({@code reviewDueAt}) recomputed when a missing year's calendar arrived: the
 * review and its current round, which show it in {@code /api/reviews} and decide "on time", follow
 * where they still hold the old date.
 */
@Component
class RecomputedReviewDeadlines {

	private final RuntimeService runtime;
	private final LegalReviewRepository reviews;
	private final ReviewRoundRepository rounds;

	RecomputedReviewDeadlines(RuntimeService runtime, LegalReviewRepository reviews, ReviewRoundRepository rounds) {
		this.runtime = runtime;
		this.reviews = reviews;
		this.rounds = rounds;
	}

	@EventListener
	void on(DeadlineRecomputed event) {
		if (!ReviewVariables.DUE_AT.equals(event.variable())
				|| !(runtime.getVariable(event.processInstanceId(), ReviewVariables.REVIEW_ID) instanceof String id)) {
			return;
		}
		reviews.findById(id).ifPresent(review -> {
			if (event.before().equals(review.getCurrentDueAt())) {
				review.extendTo(event.after());
				reviews.save(review);
			}
			rounds.findByReviewIdAndRoundNo(id, review.getCurrentRound()).ifPresent(round -> {
				if (event.before().equals(round.getDueAt())) {
					round.dueRecomputed(event.after());
					rounds.save(round);
				}
			});
		});
	}
}
