package cn.zhifa.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.util.GreenMail;

import cn.zhifa.enforcementcase.EnforcementCaseService;
import cn.zhifa.enforcementcase.NewCase;
import cn.zhifa.support.EngineTestSupport;
import cn.zhifa.support.TestMailServer;
import cn.zhifa.support.ZhifaIntegrationTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/**
 * Notification e-mail end to end (issue 17 §3): the application with e-mail switched on
 * ({@code zhifa.notifications.mail.enabled}, {@code spring.mail.*}) against a real SMTP server (GreenMail, started for
 * the test JVM by {@link TestMailServer}, as the shared test context is configured); a filing deadline passes on the
 * engine clock, the warning and breach timers fire, and the head and the supervisor receive the mails. The two users'
 * addresses are removed afterwards, so that no other test sends mail.
 */
@ZhifaIntegrationTest
class NotificationMailIT extends EngineTestSupport {

	final GreenMail smtp = TestMailServer.smtp();

	@Autowired
	EnforcementCaseService cases;

	@Autowired
	NotificationMailer mailer;

	@AfterEach
	void removeAddresses() {
		email("head1", null);
		email("supervisor1", null);
	}

	@Test
	void warningAndBreachArriveByMail() throws Exception {
		assertThat(mailer.enabled()).isTrue();
		smtp.purgeEmailFromAllMailboxes();
		email("head1", "head1@liaokuo.example.gov.cn");
		email("supervisor1", "supervisor1@sfj.example.gov.cn");

		clockAt(at("2026-10-12T09:00:00+08:00"));
		String caseNo = cases.register(new NewCase("LIAOKUO", "PATROL", false, "PERSON", "张三", "530302199001011232", null,
				false, "CM-OCCUPY-ROAD", "在人民路占道经营", LocalDate.of(2026, 10, 12), null, null, null, LocalDate.of(2026, 10, 12),
				false, "曲靖市麒麟区人民路12号"), "officer1");
		String pi = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult()
			.getId();
		assertThat(smtp.getReceivedMessages()).isEmpty();

		clockAt(at("2026-11-03T10:00:00+08:00"));
		assertThat(executeDueJobs(pi)).isEqualTo(2);

		// warning → LIAOKUO-head; breach → LIAOKUO-head and supervisor
		assertThat(smtp.waitForIncomingEmail(10_000, 3)).isTrue();
		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(3);
		List<String> head = subjectsTo(received, "head1@liaokuo.example.gov.cn");
		assertThat(head).containsExactlyInAnyOrder("【执法】期限预警：" + caseNo, "【执法】超期督办：" + caseNo);
		assertThat(subjectsTo(received, "supervisor1@sfj.example.gov.cn")).containsExactly("【执法】超期督办：" + caseNo);
		MimeMessage breach = Arrays.stream(received).filter(m -> subject(m).contains("超期督办")).findFirst().orElseThrow();
		assertThat(breach.getFrom()[0].toString()).isEqualTo("zhifa@example.gov.cn");
		assertThat(breach.getContent().toString()).contains("已超期", caseNo, "审批立案", "2026-11-02 23:59", "任务中心");
	}

	private void email(String userId, String address) {
		IdentityService identity = engine.getIdentityService();
		User user = identity.createUserQuery().userId(userId).singleResult();
		user.setEmail(address);
		identity.saveUser(user);
	}

	private static List<String> subjectsTo(MimeMessage[] messages, String address) {
		return Arrays.stream(messages).filter(m -> {
			try {
				return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}).map(NotificationMailIT::subject).toList();
	}

	private static String subject(MimeMessage m) {
		try {
			return m.getSubject();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static Date at(String iso) {
		return Date.from(OffsetDateTime.parse(iso).toInstant());
	}
}
