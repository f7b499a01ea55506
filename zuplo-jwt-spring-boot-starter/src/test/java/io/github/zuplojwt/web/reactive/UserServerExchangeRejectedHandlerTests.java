package io.github.zuplojwt.web.reactive;

import io.github.zuplojwt.support.HttpCalls;
import io.github.zuplojwt.support.ReactiveStack;
import io.github.zuplojwt.web.TestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application's own {@link ServerExchangeRejectedHandler} answers the requests Spring
 * Security's WebFlux firewall refuses, instead of the starter's.
 */
@ReactiveStack
@SpringBootTest(classes = { TestApplication.class, UserServerExchangeRejectedHandlerTests.HandlerConfig.class },
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = "zuplo.issuer=https://gw.example/__zuplo/issuer")
class UserServerExchangeRejectedHandlerTests {

	@Autowired
	ApplicationContext context;

	@LocalServerPort
	int port;

	@Test
	void usersHandlerReplacesTheStartersAndAnswersRefusedRequests() {
		assertThat(this.context.getBean(ServerExchangeRejectedHandler.class))
			.isSameAs(this.context.getBean("teapot"));
		assertThat(new HttpCalls(this.port).sendRaw("GET /protected;jsessionid=abc HTTP/1.1").status())
			.isEqualTo(418);
	}

	@Configuration(proxyBeanMethods = false)
	static class HandlerConfig {

		@Bean
		ServerExchangeRejectedHandler teapot() {
			return (exchange, exception) -> {
				exchange.getResponse().setStatusCode(HttpStatus.I_AM_A_TEAPOT);
				return exchange.getResponse().setComplete();
			};
		}

	}

}
