package cn.zhifa;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import cn.zhifa.models.VerifyModels;

/**
 * Zhifa: administrative enforcement "three systems" on embedded Camunda 7. {@code verify-models DIR}
 * as first argument checks a folder of models and exits instead of starting the server.
 */
@SpringBootApplication
public class ZhifaApplication {

	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("verify-models")) {
			System.exit(VerifyModels.run(Arrays.copyOfRange(args, 1, args.length), System.out));
		}
		SpringApplication.run(ZhifaApplication.class, args);
	}
}
