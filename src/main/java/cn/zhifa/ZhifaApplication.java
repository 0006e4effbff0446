package cn.zhifa;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Zhifa: administrative enforcement "three systems" on embedded Camunda 7. */
@SpringBootApplication
public class ZhifaApplication {

	public static void main(String[] args) {
		SpringApplication.run(ZhifaApplication.class, args);
	}
}
