package cn.zhifa.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * A real SMTP server (GreenMail) for the shared integration-test context: started once per test JVM on a free port,
 * with the notifications' e-mail switched on against it ({@code zhifa.notifications.mail.*}, {@code spring.mail.*}).
 * Only users with an e-mail address get mail, and the demo organisation's have none, so only a test that gives one an
 * address ({@code NotificationMailIT}) sends any. One context for all instead of an own context for the mail test.
 */
public final class TestMailServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static GreenMail smtp;

	/** The server, started at the first call. */
	public static synchronized GreenMail smtp() {
		if (smtp == null) {
			GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
			smtp = server;
		}
		return smtp;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues.of("zhifa.notifications.mail.enabled=true", "zhifa.notifications.mail.from=zhifa@example.gov.cn",
				"spring.mail.host=127.0.0.1", "spring.mail.port=" + smtp().getSmtp().getPort(),
				"spring.mail.default-encoding=UTF-8").applyTo(context);
	}
}
