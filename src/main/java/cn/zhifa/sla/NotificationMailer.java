package cn.zhifa.sla;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.zhifa.calendar.WorkingDayCalendar;

/**
 * E-mail for notifications (issue 17 §3), off by default: {@code zhifa.notifications.mail.enabled=true}
 * and Spring's {@code spring.mail.*} (host, port, user, password) switch it on. A notification to a user
 * goes to the user's e-mail address in the Camunda identity, one to a group to every member that has one.
 * Mails are sent after the transaction that created the notification commits (a rolled-back breach sends
 * nothing); a failing mail server is logged and never fails the step.
 */
@Component
class NotificationMailer {

	private static final Logger log = LoggerFactory.getLogger(NotificationMailer.class);
	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(WorkingDayCalendar.SHANGHAI);

	private final boolean enabled;
	private final String from;
	private final ObjectProvider<JavaMailSender> sender;
	private final IdentityService identity;

	NotificationMailer(@Value("${zhifa.notifications.mail.enabled:false}") boolean enabled,
			@Value("${zhifa.notifications.mail.from:zhifa@localhost}") String from, ObjectProvider<JavaMailSender> sender,
			IdentityService identity) {
		this.enabled = enabled;
		this.from = from;
		this.sender = sender;
		this.identity = identity;
		if (enabled && sender.getIfAvailable() == null) {
			log.error("zhifa.notifications.mail.enabled is true but no mail server is configured (spring.mail.host): no e-mail is sent");
		}
		else if (enabled) {
			log.info("Notifications are also sent by e-mail, from {}", from);
		}
	}

	boolean enabled() {
		return enabled && sender.getIfAvailable() != null;
	}

	/** Sends the notifications by e-mail once the current transaction commits (at once without one). */
	void sendAfterCommit(List<Notification> notifications) {
		if (!enabled() || notifications.isEmpty()) {
			return;
		}
		List<Notification> copy = List.copyOf(notifications);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					sendNow(copy);
				}
			});
		}
		else {
			sendNow(copy);
		}
	}

	private void sendNow(List<Notification> notifications) {
		JavaMailSender mail = sender.getIfAvailable();
		for (Notification n : notifications) {
			Collection<String> to = addresses(n);
			if (to.isEmpty()) {
				log.info("notification {} ({}): no recipient has an e-mail address", n.getId(), n.getMessage());
				continue;
			}
			try {
				send(mail, from, n, to);
			}
			catch (MailException e) {
				log.warn("e-mail of notification {} to {} not sent: {}", n.getId(), to, e.getMessage());
			}
		}
	}

	/** The e-mail addresses of the notification's recipient user, or of its group's members. */
	Collection<String> addresses(Notification n) {
		List<User> users = new ArrayList<>();
		if (n.getRecipientUser() != null) {
			users.addAll(identity.createUserQuery().userId(n.getRecipientUser()).list());
		}
		if (n.getRecipientGroup() != null) {
			users.addAll(identity.createUserQuery().memberOfGroup(n.getRecipientGroup()).list());
		}
		Set<String> addresses = new LinkedHashSet<>();
		for (User u : users) {
			if (u.getEmail() != null && !u.getEmail().isBlank()) {
				addresses.add(u.getEmail().trim());
			}
		}
		return addresses;
	}

	/** One mail: the notification's kind and case in the subject, the message and a pointer to Tasklist in the body. */
	static void send(JavaMailSender mail, String from, Notification n, Collection<String> to) {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(from);
		message.setTo(to.toArray(String[]::new));
		String kind = NotificationCenter.KIND_LABELS.getOrDefault(n.getKind(), "通知");
		message.setSubject("【执法】" + kind + (n.getCaseId() == null ? "" : "：" + n.getCaseId()));
		message.setText(n.getMessage() + "\n\n时间：" + (n.getCreatedAt() == null ? "" : TIME.format(n.getCreatedAt()))
				+ "\n请登录执法任务中心查看和办理。\n（本邮件由系统自动发送，请勿回复。）");
		mail.send(message);
	}
}
