package cn.zhifa.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.internet.MimeMessage;

/** A notification's e-mail through a real SMTP server (GreenMail, started by this test): recipients, Chinese subject and body. */
class NotificationMailTest {

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	@Test
	void breachReachesTheHeadsMailbox() throws Exception {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(smtp.getSmtp().getPort());
		sender.setDefaultEncoding("UTF-8");
		Notification n = new Notification(null, "LIAOKUO-head", "SLA_BREACH", "LIAOKUO", "寥街罚〔2026〕1号", "pi-1",
				"已超期：寥街罚〔2026〕1号「审批立案」，办理期限 2026-11-02 23:59", Instant.parse("2026-11-03T01:00:00Z"));

		NotificationMailer.send(sender, "zhifa@example.gov.cn", n, List.of("head1@example.gov.cn", "head2@example.gov.cn"));

		assertThat(smtp.waitForIncomingEmail(5000, 2)).isTrue();
		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(2);
		assertThat(received[0].getSubject()).isEqualTo("【执法】超期督办：寥街罚〔2026〕1号");
		assertThat(received[0].getFrom()[0].toString()).isEqualTo("zhifa@example.gov.cn");
		assertThat(received[0].getContent().toString()).contains("「审批立案」", "2026-11-03 09:00", "任务中心");
		// one mail to both (a copy delivered to each mailbox)
		assertThat(List.of(received[0].getRecipients(jakarta.mail.Message.RecipientType.TO)))
			.extracting(Object::toString).containsExactly("head1@example.gov.cn", "head2@example.gov.cn");
	}
}
