package cn.zhifa.transfer;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.zhifa.calendar.DeadlineRecomputed;

/**
 * A transfer's deadline ({@code transferDueAt}, {@code approvalDueAt}, {@code disciplineDueAt}, …)
 * recomputed when a missing year's calendar arrived: the transfer record (id = process instance),
 * which the supervision views show, follows where it still holds the old date.
 */
@Component
class RecomputedTransferDeadlines {

	private final TransferRepository transfers;

	RecomputedTransferDeadlines(TransferRepository transfers) {
		this.transfers = transfers;
	}

	@EventListener
	void on(DeadlineRecomputed event) {
		transfers.findById(event.processInstanceId()).ifPresent(transfer -> {
			if (event.before().equals(transfer.getCurrentDueAt())) {
				transfer.dueRecomputed(event.after());
				transfers.save(transfer);
			}
		});
	}
}
