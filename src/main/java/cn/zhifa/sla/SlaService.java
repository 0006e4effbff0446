package cn.zhifa.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import cn.zhifa.platform.Step;

/**
 * Records SLA warnings and breaches and notifies people. Idempotent: one event per process
 * instance, step and due instant, so a retried or re-delivered timer records nothing twice.
 */
@Service
public class SlaService {

	private static final Logger log = LoggerFactory.getLogger(SlaService.class);
	/** Priority of a task whose deadline is near (Camunda default is 50). */
	static final int WARNING_PRIORITY = 80;
	static final int BREACH_PRIORITY = 100;

	private final SlaEventRepository events;
	private final NotificationRepository notifications;
	private final TaskService taskService;
	private final NotificationMailer mailer;
	private final NotificationCenter center;
	private final IdentityService identity;
	private final Clock clock;

	SlaService(SlaEventRepository events, NotificationRepository notifications, TaskService taskService,
			NotificationMailer mailer, NotificationCenter center, IdentityService identity, Clock clock) {
		this.clock = clock;
		this.events = events;
		this.notifications = notifications;
		this.taskService = taskService;
		this.mailer = mailer;
		this.center = center;
		this.identity = identity;
	}

	/**
	 * A deadline is near or passed for step {@code activityId} of the step's process instance ({@code agency}: its
	 * {@code agencyCode}, {@code processKey}: its definition's key, {@code modelName}: the step's name in the model,
	 * used when it has no open task): raise the priority of its open tasks, record the event and notify
	 * {@code users} and {@code groups}.
	 */
	public void record(SlaEvent.Kind kind, Step step, String agency, String processKey, String activityId,
			String modelName, Date dueAt, Collection<String> users, Collection<String> groups) {
		String processInstanceId = step.processInstanceId();
		String key = processInstanceId + "/" + activityId + "/" + kind + "/" + (dueAt == null ? "-" : dueAt.getTime());
		if (events.existsByTimerJobKey(key)) {
			return;
		}
		Instant now = clock.instant();
		String caseId = step.businessKey();
		List<Task> open = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(activityId)
			.list();
		String activityName = open.isEmpty() ? modelName : open.get(0).getName();
		for (Task task : open) {
			taskService.setPriority(task.getId(), kind == SlaEvent.Kind.WARNING ? WARNING_PRIORITY : BREACH_PRIORITY);
		}
		events.save(new SlaEvent(kind, agency, caseId, processKey, processInstanceId, activityId, activityName,
				dueAt == null ? null : dueAt.toInstant(), now, key));
		String message = (kind == SlaEvent.Kind.WARNING ? "即将到期" : "已超期") + "：" + caseId + "「" + activityName + "」"
				+ (dueAt == null ? "" : "，办理期限 " + NotificationMailer.TIME.format(dueAt.toInstant()));
		List<Notification> sent = new java.util.ArrayList<>();
		// who subscribed to the agency (e.g. a supervisor) hears of it too, unless one of the groups already reaches them
		java.util.Set<String> recipients = new java.util.LinkedHashSet<>(users);
		if (agency != null) {
			for (String subscriber : center.subscribers(agency)) {
				if (groups.stream().noneMatch(g -> identity.createUserQuery().userId(subscriber).memberOfGroup(g).count() > 0)) {
					recipients.add(subscriber);
				}
			}
		}
		for (String user : recipients) {
			sent.add(notifications.save(new Notification(user, null, "SLA_" + kind, agency, caseId, processInstanceId, message, now)));
		}
		for (String group : groups) {
			sent.add(notifications.save(new Notification(null, group, "SLA_" + kind, agency, caseId, processInstanceId, message, now)));
		}
		mailer.sendAfterCommit(sent);
		log.info("SLA {} for case {} step {} (due {}), notified users {} groups {}", kind, caseId, activityId, dueAt,
				recipients, groups);
	}

	/**
	 * A message to the users and groups of a process's agency that is not about a deadline (e.g. 执法协助: the requested
	 * agency answered, ADR-0028), in the same notification centre and e-mail as the SLA events: {@code agency} is the
	 * process's agency, {@code caseId} its business key.
	 */
	public void notify(String kind, String agency, String caseId, String processInstanceId, Collection<String> users,
			Collection<String> groups, String message) {
		Instant now = clock.instant();
		List<Notification> sent = new java.util.ArrayList<>();
		for (String user : users) {
			sent.add(notifications.save(new Notification(user, null, kind, agency, caseId, processInstanceId, message, now)));
		}
		for (String group : groups) {
			sent.add(notifications.save(new Notification(null, group, kind, agency, caseId, processInstanceId, message, now)));
		}
		mailer.sendAfterCommit(sent);
	}

	public List<Notification> notificationsOf(String processInstanceId) {
		return notifications.findByProcessInstanceIdOrderByIdAsc(processInstanceId);
	}
}
