package io.github.zuplojwt.test.readme;

import io.github.zuplojwt.test.OrdersApplication;
import io.github.zuplojwt.test.ZuploDevelopmentIssuer;

import org.springframework.boot.SpringApplication;

/**
 * The Quick start's fourth step, as the README shows it: the application run against a local
 * issuer with Spring Boot's test-run idiom ({@code ZuploDevelopmentIssuerTests} runs it).
 */
public class TestOrdersApplication {

	public static void main(String[] args) {
		SpringApplication.from(OrdersApplication::main).with(ZuploDevelopmentIssuer.class).run(args);
	}

}
