package cn.zhifa.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on the real engine and database, one shared Spring context for every
 * integration test (H2 in memory, or PostgreSQL when .ci/run adds the postgres profile).
 * Profiles come from the {@code spring.profiles.active} system property set by failsafe. The notifications' e-mail
 * goes to a real SMTP server started for the test JVM ({@link TestMailServer}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestMailServer.class)
public @interface ZhifaIntegrationTest {
}
